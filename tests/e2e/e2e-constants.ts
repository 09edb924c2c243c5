/** Set E2E_PORT to run a second e2e suite beside another one (own port, data and build folders). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_PASSWORD = "e2e-demo-password-1";
