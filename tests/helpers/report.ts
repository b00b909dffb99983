import type { Report, Statistic } from "../../src/model/index.js";

/** The smallest Report that holds these statistics in one section: enough for the figure readers and helpers. */
export function reportWithStatistics(statistics: Record<string, Statistic>): Report {
  return {
    year: "2021",
    identityFile: "report.yaml",
    registerFile: "documents.yaml",
    identity: {} as Report["identity"],
    register: { groups: [] },
    sections: [{ file: "s.yaml", level: 1, body: [], statistics }],
  };
}
