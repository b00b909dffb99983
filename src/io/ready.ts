/**
 * A step a test can interrupt the run at, exactly: with DANVAN_TEST_READY set to the step's name (tests
 * only), the run says `danvan-test: ready <step>` on stderr when it reaches it and waits there until its
 * standard input ends. A signal test sends its signal on that line, so its verdict never depends on how
 * fast the machine is. Without the variable this does nothing.
 */
export async function readyPoint(step: "check" | "pdf"): Promise<void> {
  if (process.env.DANVAN_TEST_READY !== step) return;
  process.stderr.write(`danvan-test: ready ${step}\n`);
  await new Promise<void>((resolve) => {
    process.stdin.on("end", resolve).on("error", () => resolve());
    process.stdin.resume();
  });
}
