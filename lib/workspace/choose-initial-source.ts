export type LocalDraft = { source: string; savedAt: number };
export type ServerDraft = { source: string; updatedAt: string };

/**
 * What the editor opens with: the newer of this browser's copy (written on every keystroke,
 * so nothing typed is lost to a reload or a failed request) and the server's draft (which
 * follows the student across browsers), else the starter. `pushLocal` says the browser's
 * copy is ahead of the server and should be saved there.
 */
export function chooseInitialSource(starter: string, server: ServerDraft | null, local: LocalDraft | null): { source: string; pushLocal: boolean } {
  const serverTime = server ? Date.parse(server.updatedAt) : -Infinity;
  if (local && local.savedAt > serverTime && local.source !== server?.source) return { source: local.source, pushLocal: true };
  return { source: server?.source ?? starter, pushLocal: false };
}
