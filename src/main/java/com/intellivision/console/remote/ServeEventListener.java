package com.intellivision.console.remote;

import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;

/** Hears a serve's live events, on OkHttp's reading thread; each method must return quickly. */
public interface ServeEventListener {

    /** The stream is open: from now on every change is heard. */
    void opened();

    void job(ServerJob job);

    void progress(JobProgress progress);

    void worker(WorkerInfo worker);

    void memory(MemorySampled sample);

    void queue(QueueFigures figures);

    /** The pool's size and pause, as they are on connecting and whenever they change. */
    void pool(int workers, boolean paused);

    /** The serve dropped events this client was too slow to read; what it shows must be read afresh. */
    void resync();

    /** The stream ended, and why; no event follows. */
    void ended(RemoteException why);
}
