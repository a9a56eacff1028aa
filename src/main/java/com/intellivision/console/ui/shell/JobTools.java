package com.intellivision.console.ui.shell;

import com.intellivision.console.ui.common.ConsoleState;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Notices;
import com.intellivision.console.ui.common.TaskRunner;
import com.intellivision.console.ui.deployments.DeploymentListViewModel;
import com.intellivision.console.ui.jobs.JobExport;
import com.intellivision.console.ui.jobs.JobFilterViewModel;
import com.intellivision.console.ui.jobs.JobListViewModel;
import com.intellivision.console.ui.preview.FrameFile;
import com.intellivision.console.ui.preview.FramePreviewViewModel;
import com.intellivision.console.ui.preview.JobDetailsViewModel;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * What works on the jobs as they are shown: the table's search and filters (over the deployment's
 * whole store) and its export, and the selected job's details and frame file.
 */
public final class JobTools {

    private final JobFilterViewModel filter;
    private final JobExport export;
    private final JobDetailsViewModel details;
    private final FrameFile frameFile;

    JobTools(JobListViewModel jobs, FramePreviewViewModel preview, ConsoleState state, TaskRunner tasks, Notices notices, ZoneId zone,
            DeploymentListViewModel deployments, Consumer<JobKey> showJob) {
        this.filter = new JobFilterViewModel(jobs, tasks, (deploymentId, query) -> deployments.entry(deploymentId)
                .flatMap(entry -> entry.deployment().jobSearch()).map(search -> search.search(query)).orElse(List.of()));
        this.export = new JobExport(jobs, tasks, notices, zone);
        this.details = new JobDetailsViewModel(state.selectedJobProperty(), zone, row -> jobs.rows().stream()
                .filter(other -> other.deploymentId().equals(row.deploymentId()) && Long.valueOf(row.id()).equals(other.job().retryOf()))
                .map(JobRow::id).sorted().toList(), showJob);
        this.frameFile = new FrameFile(preview.frameUrlProperty(), tasks, notices);
    }

    public JobFilterViewModel filter() {
        return filter;
    }

    public JobExport export() {
        return export;
    }

    public JobDetailsViewModel details() {
        return details;
    }

    public FrameFile frameFile() {
        return frameFile;
    }
}
