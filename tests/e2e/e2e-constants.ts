export const E2E_PORT = 3210;
export const E2E_PASSWORD = "e2e-demo-password-1";
