import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Prints one line a script can parse at the end, e.g. `e2e: 7 passed, 0 failed, 0 skipped`.
 * Errors outside tests (global setup failing, API not built) count as failures.
 */
export default class SummaryReporter implements Reporter {
  private readonly outcomes = new Map<string, TestResult['status']>();
  private globalErrors = 0;

  onTestEnd(test: TestCase, result: TestResult) {
    this.outcomes.set(test.id, result.status);
  }

  onError() {
    this.globalErrors += 1;
  }

  onEnd() {
    let passed = 0;
    let failed = this.globalErrors;
    let skipped = 0;
    for (const status of this.outcomes.values()) {
      if (status === 'passed') passed += 1;
      else if (status === 'skipped') skipped += 1;
      else failed += 1;
    }
    process.stdout.write(`e2e: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }

  printsToStdio() {
    return false;
  }
}
