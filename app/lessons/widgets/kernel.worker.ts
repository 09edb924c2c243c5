/// <reference lib="webworker" />
/** Runs the simulated kernel off the main thread for the lesson widgets. */
import { handleKernelRequest, type KernelMessage, type KernelReply } from "@/lib/widgets/kernel-requests";

self.onmessage = async (e: MessageEvent<KernelMessage>) => {
  const { id, request } = e.data;
  let reply: KernelReply;
  try {
    reply = { id, ok: true, result: await handleKernelRequest(request) };
  } catch (err) {
    reply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
