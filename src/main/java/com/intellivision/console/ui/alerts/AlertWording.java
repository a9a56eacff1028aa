package com.intellivision.console.ui.alerts;

import com.intellivision.console.ui.alerts.RuleEngine.Firing;
import com.intellivision.console.ui.alerts.RuleEngine.Subject;
import java.time.Duration;
import java.util.Locale;

/** What a rule's alert says: what was seen, for how long, and what to do about it. */
final class AlertWording {

    private AlertWording() {}

    static PastAlert of(Firing firing, String deploymentName) {
        return new PastAlert(firing.at(), firing.subject().deploymentId(), deploymentName, firing.rule().describe(),
                message(firing), value(firing));
    }

    /** One alert still active, for the status bar: "Queue longer than 50 on prod". */
    static String activeOne(RuleEngine engine, Subject subject, String deploymentName) {
        String who = subject.kind() == AlertRule.Kind.WORKER_MEMORY ? " (" + subject.name() + ")" : "";
        return engine.ruleFor(subject).describe() + who + " on " + deploymentName;
    }

    /** The notification's title: the rule and where. */
    static String title(PastAlert alert) {
        return alert.rule() + " on " + alert.deployment();
    }

    private static String message(Firing firing) {
        String lasting = lasting(firing.heldFor());
        String percent = percent(firing.value());
        return switch (firing.rule().kind()) {
            case WORKER_MEMORY -> "Worker " + firing.subject().name() + " has used " + percent + " of its memory limit" + lasting
                    + ". A worker that reaches the limit during a job is stopped and the job fails; give it smaller videos or raise the limit.";
            case QUEUE_LENGTH -> (long) firing.value() + " jobs wait" + lasting + "; the workers are not keeping up."
                    + " Add workers, or hold back submissions until the queue shrinks.";
            case JOB_FAILURE_RATE -> percent + " of the " + firing.jobs() + " jobs that ended in the last 15 minutes failed" + lasting
                    + ". Open the failed jobs to see why.";
            case HTTP_5XX_RATE -> percent + " of the server's " + firing.jobs() + " answers in the last 15 minutes were server errors (5xx)"
                    + lasting + ". The server is failing requests; check its logs.";
            case YOUTUBE_FAILURE_RATE -> percent + " of the " + firing.jobs() + " YouTube jobs that ended in the last 15 minutes failed"
                    + lasting + ". YouTube may be refusing the server; check its yt-dlp and cookies.";
        };
    }

    private static String value(Firing firing) {
        return switch (firing.rule().kind()) {
            case WORKER_MEMORY -> percent(firing.value());
            case QUEUE_LENGTH -> (long) firing.value() + " jobs";
            case HTTP_5XX_RATE -> percent(firing.value()) + " of " + firing.jobs() + " answers";
            default -> percent(firing.value()) + " of " + firing.jobs() + " jobs";
        };
    }

    /** 12 %, or 1.5 % below 10 % where the first decimal tells something. */
    static String percent(double value) {
        return value < 10 && value != Math.rint(value) ? String.format(Locale.ROOT, "%.1f %%", value) : Math.round(value) + " %";
    }

    private static String lasting(Duration held) {
        long seconds = held.toSeconds();
        if (seconds <= 0) {
            return "";
        }
        return " for " + (seconds < 120 ? seconds + " s" : seconds / 60 + " min");
    }
}
