export { regradeScope as requestRegradeBody } from "@/lib/regrade/regrade-scope";
