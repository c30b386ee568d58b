// Messages between the page and the encoding worker.
export type EncodeFormat = 'gif' | 'webm';

export type EncodeRequest =
  | { readonly type: 'start'; readonly format: EncodeFormat; readonly width: number; readonly height: number }
  | { readonly type: 'frame'; readonly index: number; readonly pixels: ArrayBuffer; readonly durationMs: number }
  | { readonly type: 'finish' };

export type EncodeReply =
  | { readonly type: 'encoded'; readonly index: number }
  | { readonly type: 'done'; readonly blob: Blob }
  | { readonly type: 'error'; readonly message: string };
