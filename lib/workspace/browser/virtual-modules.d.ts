/** Provided by lib/workspace/bundling/worker-script.ts when it bundles the editor worker. */
declare module "ipclab:editor-type-files" {
  const files: Record<string, string>;
  export default files;
}
