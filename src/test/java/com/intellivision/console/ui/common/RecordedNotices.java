package com.intellivision.console.ui.common;

import java.util.ArrayList;
import java.util.List;

/** Notices a test can read back: problems as "what: why", outcomes as they were told. */
public final class RecordedNotices implements Notices {

    public final List<String> problems = new ArrayList<>();
    public final List<String> done = new ArrayList<>();

    @Override
    public void problem(String what, String why) {
        problems.add(what + ": " + why);
    }

    @Override
    public void done(String what) {
        done.add(what);
    }
}
