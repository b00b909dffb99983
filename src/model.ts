/** The typed Report every stage after validation reads. Shapes mirror schemas/*.json. */

export type Profile = "party" | "state";

export interface Identity {
  profile: Profile;
  superior: string;
  issuer: { name: string; fullName: string };
  number: string;
  place: string;
  /** ISO date YYYY-MM-DD. */
  date: string;
  type: string;
  title: string[];
  period: { from: number; to: number };
  format?: { zeroPadCounts?: boolean };
  signer: { authority?: string; title: string; name: string };
  recipients: { list: string[]; filing: string; note?: { text: string; first: number } };
  appendix: { heading: string; title: string[] };
}

/** A number, or a dotted path to another figure of the same year. */
export type Figure = number | string;

export interface Parts {
  [key: string]: Figure;
}

export type Statistic =
  | { kind: "count"; label?: string; unit?: string; value: Figure; decimals?: number }
  | { kind: "breakdown"; label?: string; unit?: string; parts: Parts; stated?: number; decimals?: number }
  | { kind: "ratio"; label?: string; unit?: string; part: Figure; whole: Figure; decimals?: number; stated?: number }
  | { kind: "percent"; label?: string; unit?: string; value: number; decimals?: number }
  | {
      kind: "series";
      label?: string;
      unit?: string;
      values: { [year: string]: Figure | { parts: Parts; stated?: number } };
      stated?: number;
      /** Figures with decimals (money in tỷ đồng, hectares): summed exactly and printed at this many. */
      decimals?: number;
    };

export type Block = string | { bullets: string[] } | { numbered: string[] } | { subheading: string };

export interface SectionData {
  level: 0 | 1 | 2;
  heading?: string;
  body: Block[];
  footnotes?: Record<string, string>;
  statistics?: Record<string, Statistic>;
}

export interface Section extends SectionData {
  /** Data file the section came from, relative to the data root's parent as the user named it. */
  file: string;
}

export interface RegisterDocument {
  id: string;
  number: string;
  date: string;
  summary: string;
}

export interface RegisterType {
  type: string;
  heading?: string;
  documents: RegisterDocument[];
}

export interface RegisterGroup {
  issuer: string;
  symbols?: string[];
  types: RegisterType[];
}

export interface Register {
  groups: RegisterGroup[];
}

export interface Report {
  year: string;
  /** Data files as the user named them, for diagnostics about the identity and the register. */
  identityFile: string;
  registerFile: string;
  identity: Identity;
  sections: Section[];
  register: Register;
}
