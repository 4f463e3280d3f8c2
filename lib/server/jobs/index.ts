/** lib/server/jobs: the background job queue (see ./job-queue.ts). */
export { getJobQueue, setJobQueue, findJobQueue, type JobQueue, type JobState, type JobStatus, type SendJobOptions } from "./job-queue";
export { OPTIMIZE_PARAMETERS_JOB } from "./optimize-parameters-job";
export { REGRADE_ASSESSMENT_JOB } from "./regrade-assessment-job";
