import { failOnCspViolations } from "../helpers/browser";

// Every e2e suite runs with the app's Content-Security-Policy on and fails on a violation.
failOnCspViolations();
