export { regradeDecision as resolveRegradeRequestBody } from "@/lib/regrade-requests/resolve-regrade-request";
