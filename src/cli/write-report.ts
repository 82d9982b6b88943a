import { writeFileSync } from 'node:fs';
import { renderHtmlReport, type HtmlReportInput } from '../feedback/html-report';

/**
 * Writes the HTML report to `file`. Returns undefined when written, else a one-line problem for
 * the command to report as a usage error: a bad path is the caller's mistake, not a crash.
 */
export function writeHtmlReport(file: string, input: HtmlReportInput): string | undefined {
  const html = renderHtmlReport(input);
  try {
    writeFileSync(file, html, 'utf8');
    return undefined;
  } catch (error) {
    return `cannot write report ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}
