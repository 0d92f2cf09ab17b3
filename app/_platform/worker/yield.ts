// Lets queued messages (a newer request) in between slices of long work. A
// message to ourselves is a macrotask without setTimeout's 4 ms clamp after
// nesting, so little time is lost per pause.

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

/** Resolves on a later task, after any messages already waiting have been delivered. */
export function yieldToMessages(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
    // In Node (tests) an open port would keep the process alive; browsers have no unref.
    (channel.port1 as { unref?: () => void }).unref?.();
  }
  const port = channel.port2;
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
