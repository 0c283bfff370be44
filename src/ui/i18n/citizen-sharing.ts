// The shape of the portal's page "what my CPAS may and may not share", in a full and an
// easy-to-read version, per language (fr/nl/de/en-citizen-sharing.ts). {dpo} is replaced by the
// CPAS's data protection officer's contact.
export interface SharingTexts {
  readonly title: string;
  readonly intro: string;
  readonly sections: readonly { readonly heading: string; readonly paragraphs: readonly string[] }[];
  readonly complaintHeading: string;
  readonly complaint: readonly string[];
  readonly easyLink: string;
  readonly easyTitle: string;
  readonly easy: readonly string[];
  readonly fullLink: string;
}
