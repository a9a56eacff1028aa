package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.deployment.EventFanout;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.remote.IntelliVisionClient;
import com.intellivision.console.remote.RemoteException;
import com.intellivision.console.remote.ServerJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a server that can only be asked into events: it asks about the jobs that are not finished
 * (each less often while it does not change), and now and then for the whole list (to learn of jobs
 * submitted elsewhere, or deleted), and reports every change as the same {@link JobChanged} the local
 * pool sends, so the window stays push-only. With many unfinished jobs one request for the list
 * answers for all of them. A server that tells of its changes itself hands them to {@link #heard}.
 * Runs on one thread; {@link #submitted} and {@link #heard} may be called from any.
 */
final class JobPoller {

    /** Images fetched for jobs that finished before the console saw them, per round. */
    static final int BACKLOG_IMAGES_PER_ROUND = 3;

    private final String deploymentId;
    private final IntelliVisionClient client;
    private final RemoteJobStore store;
    private final OutputImages images;
    private final ConnectionHealth health;
    private final EventFanout events;
    private final Clock clock;
    private final PollingPace pace;
    private final Map<Long, Tracked> tracked = new HashMap<>();
    private final Map<Long, JobProgress> lastProgress = new HashMap<>();
    private final Deque<ServerJob> imagesToFetch = new ArrayDeque<>();
    private final Set<Long> imagesTried = new HashSet<>();
    /** What each job looked like when last kept, so an unchanged one in a long list costs no store access. */
    private final Map<Long, String> fingerprints = new HashMap<>();
    private Instant lastListed = Instant.MIN;

    /** When to ask about a job next, and how long it has stayed as it is. */
    private record Tracked(Instant nextAt, Duration interval, Instant since) {}

    JobPoller(String deploymentId, IntelliVisionClient client, RemoteJobStore store, OutputImages images, ConnectionHealth health,
            EventFanout events, Clock clock, PollingPace pace) {
        this.deploymentId = deploymentId;
        this.client = client;
        this.store = store;
        this.images = images;
        this.health = health;
        this.events = events;
        this.clock = clock;
        this.pace = pace;
        store.active(deploymentId).forEach(this::track);
    }

    /**
     * Keeps and reports a job the console has just submitted, and asks about it until it has finished.
     * A round may have listed the job while its submit was being answered: what that round saw is
     * newer than the submit's answer, so it stands, and only what the console adds (the job it
     * retries) is added to it. Returns the job as kept.
     */
    synchronized Job submitted(Job job) {
        Optional<Job> seen = fingerprints.containsKey(job.id()) ? store.find(deploymentId, job.id()) : Optional.empty();
        if (seen.isEmpty()) {
            Job kept = store.saveFromServer(deploymentId, job, clock.instant());
            track(kept);
            events.publish(new JobChanged(kept));
            return kept;
        }
        if (job.retryOf() == null || job.retryOf().equals(seen.get().retryOf())) {
            return seen.get();
        }
        Job linked = store.saveFromServer(deploymentId, seen.get().withRetryOf(job.retryOf()), clock.instant());
        events.publish(new JobChanged(linked));
        return linked;
    }

    /** Asks about {@code job} until it has finished. */
    private void track(Job job) {
        Instant now = clock.instant();
        tracked.put(job.id(), new Tracked(now.plus(pace.firstInterval()), pace.firstInterval(), now));
    }

    /** One round: asks what is due, reports what changed. */
    synchronized void poll() {
        if (!health.mayAsk()) {
            return;
        }
        Instant now = clock.instant();
        List<Long> due = tracked.entrySet().stream().filter(entry -> !entry.getValue().nextAt().isAfter(now)).map(Map.Entry::getKey).toList();
        boolean listDue = !now.isBefore(lastListed.plus(pace.listEvery()))
                || due.size() > pace.listInsteadAbove() && !now.isBefore(lastListed.plus(pace.listGap()));
        try {
            if (listDue) {
                reconcile(client.jobs(), now);
                lastListed = now;
            } else if (due.size() <= pace.listInsteadAbove()) {
                for (long jobId : due) {
                    client.job(jobId).ifPresentOrElse(server -> apply(server, now), () -> deletedOnServer(jobId, now));
                }
            }
            fetchBacklogImages();
            health.succeeded();
        } catch (RemoteException failure) {
            health.failed(failure);
        }
    }

    /** Keeps and reports a job the server told of itself, as a round that read it would. */
    synchronized Job heard(ServerJob server) {
        apply(server, clock.instant());
        return store.find(deploymentId, server.job().id()).orElse(server.job());
    }

    /** Reads the whole list now, whatever the pace: to catch up after a time when changes may have gone unheard. */
    synchronized void listNow() {
        Instant now = clock.instant();
        try {
            reconcile(client.jobs(), now);
            lastListed = now;
            fetchBacklogImages();
            health.succeeded();
        } catch (RemoteException failure) {
            health.failed(failure);
        }
    }

    private void reconcile(List<ServerJob> listed, Instant now) {
        Set<Long> present = new HashSet<>();
        for (ServerJob server : listed) {
            present.add(server.job().id());
            apply(server, now);
        }
        for (Map.Entry<Long, Tracked> entry : List.copyOf(tracked.entrySet())) {
            if (!present.contains(entry.getKey()) && entry.getValue().since().plus(pace.listingGrace()).isBefore(now)) {
                deletedOnServer(entry.getKey(), now);
            }
        }
    }

    /** Keeps the server's word about a job and reports it if it changed. */
    private void apply(ServerJob server, Instant now) {
        Job incoming = server.job();
        String fingerprint = incoming.status() + "|" + incoming.updatedAt() + "|" + Objects.hashCode(incoming.results());
        if (fingerprint.equals(fingerprints.get(incoming.id()))) {
            reportProgress(incoming, server.progress());
            reschedule(incoming, false, now);
            return;
        }
        Job known = store.find(deploymentId, incoming.id()).orElse(null);
        if (incoming.status() == JobStatus.COMPLETED && (known == null || known.outputImage() == null) && tracked.containsKey(incoming.id())) {
            // Seen to finish: its image is what people look at next.
            incoming = images.withImage(incoming, server.imageUrls());
        } else if (incoming.status() == JobStatus.COMPLETED && (known == null || known.outputImage() == null)
                && !server.imageUrls().isEmpty() && imagesTried.add(incoming.id())) {
            imagesToFetch.addLast(server);
        }
        Job kept = store.saveFromServer(deploymentId, incoming, now);
        fingerprints.put(incoming.id(), fingerprint);
        boolean changed = known == null || !sameAsSeen(known, kept);
        if (changed) {
            events.publish(new JobChanged(kept));
        }
        reportProgress(kept, server.progress());
        reschedule(kept, changed, now);
    }

    /** A finished job is asked about no more; an unfinished one sooner after a change, later while it stays. */
    private void reschedule(Job job, boolean changed, Instant now) {
        Tracked was = tracked.get(job.id());
        if (job.isTerminal()) {
            tracked.remove(job.id());
            lastProgress.remove(job.id());
        } else if (was != null) {
            Duration next = changed ? pace.firstInterval() : min(was.interval().multipliedBy(2), pace.maxInterval());
            tracked.put(job.id(), new Tracked(now.plus(next), next, was.since()));
        } else {
            tracked.put(job.id(), new Tracked(now.plus(pace.firstInterval()), pace.firstInterval(), now));
        }
    }

    private void reportProgress(Job job, JobProgress progress) {
        if (progress == null || job.isTerminal() || Objects.equals(progress, lastProgress.get(job.id()))) {
            return;
        }
        lastProgress.put(job.id(), progress);
        events.publish(progress);
    }

    /** A job the server no longer has was deleted there (by someone, or by the console's own cancel). */
    private void deletedOnServer(long jobId, Instant now) {
        tracked.remove(jobId);
        fingerprints.remove(jobId);
        lastProgress.remove(jobId);
        store.find(deploymentId, jobId).filter(job -> !job.isTerminal()).ifPresent(job -> {
            Job deleted = job.withStatus(JobStatus.CANCELLED, "The job was deleted from the server.", now);
            store.saveEndedHere(deploymentId, deleted, now);
            events.publish(new JobChanged(deleted));
        });
    }

    /** Images of jobs that had finished before the console saw them, a few each round, newest first. */
    private void fetchBacklogImages() {
        for (int fetched = 0; fetched < BACKLOG_IMAGES_PER_ROUND && !imagesToFetch.isEmpty(); fetched++) {
            ServerJob server = imagesToFetch.pollFirst();
            Job withImage = images.withImage(server.job(), server.imageUrls());
            if (withImage.outputImage() != null) {
                Job kept = store.saveFromServer(deploymentId, withImage, clock.instant());
                events.publish(new JobChanged(kept));
            }
        }
    }

    /** Whether the console has shown this state already; the time the server last saw it changes nothing. */
    private static boolean sameAsSeen(Job before, Job after) {
        return before.status() == after.status()
                && Objects.equals(before.updatedAt(), after.updatedAt())
                && Objects.equals(before.results(), after.results())
                && Objects.equals(before.outputImage(), after.outputImage())
                && Objects.equals(before.error(), after.error());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
