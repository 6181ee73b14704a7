/** Lets the progress line paint between synchronous stages (reading a file, the engine, the patcher). */
export const yieldToPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
