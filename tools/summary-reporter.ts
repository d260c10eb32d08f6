import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints one closing line, `Tests: N passed, N failed, N skipped`, after vitest's own
 * summary, so CI logs state plainly how many tests ran. Skipped tests are listed with
 * their names (which say why they were skipped).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else if (state === "skipped") skipped.push(`${module.moduleId.replace(process.cwd() + "/", "")} › ${test.fullName}`);
      }
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) failed++;
    }
    if (skipped.length > 0) {
      console.log(`\nSkipped (${skipped.length}):`);
      for (const name of skipped.slice(0, 50)) console.log(`  - ${name}`);
    }
    console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped.length} skipped`);
  }
}
