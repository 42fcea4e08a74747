export { doctorAtBoot, type DoctorSettings } from './doctor-at-boot';
export { DOCTOR_CHECKS, describeResults, disagreementCount, runDoctor, type DoctorOptions, type DoctorReport } from './run-doctor';
export type { CheckResult, Disagreement, Progress } from './doctor-check';
