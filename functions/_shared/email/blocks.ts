// An e-mail body as a list of blocks, so one template yields both the HTML and the plain text and
// no template ever writes markup around user text by hand.
export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "button"; label: string; url: string }
  | { kind: "code"; label: string; value: string }
  | { kind: "quote"; text: string }
  | { kind: "details"; rows: Array<[label: string, value: string]> }
  | { kind: "note"; text: string };

export interface EmailContent {
  subject: string;
  /** The one-line preview most inboxes show after the subject. */
  preheader: string;
  heading: string;
  blocks: Block[];
}
