"use client";

import { useEffect, useRef } from "react";

/** A modal confirmation on the native <dialog>: focus moves into it, Escape cancels, focus returns afterwards. */
export function ConfirmDialog({ open, title, body, confirm, cancel, onConfirm, onClose }: { open: boolean; title: string; body: string; confirm: string; cancel: string; onConfirm(): void; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" onClose={onClose}>
      <h2 id="confirm-title">{title}</h2>
      <p id="confirm-body">{body}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {cancel}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
