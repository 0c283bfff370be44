// "What my CPAS may and may not share", in English (full and easy to read).
import type { SharingTexts } from './citizen-sharing.ts';

export const enSharing: SharingTexts = {
  title: 'What my CPAS may and may not share',
  intro: 'What you tell the CPAS stays at the CPAS. Here is what the law allows, what it forbids, and what your rights are.',
  sections: [
    { heading: 'Professional secrecy', paragraphs: [
      'The CPAS’s social workers and staff are bound by professional secrecy (article 458 of the Criminal Code). What you confide to them may not be passed on to others, except in the precise cases the law provides.',
      'Within the CPAS, only the social worker who follows your file and the head of the social service read your social reports, your social worker’s notes and opinion, your medical data and your individual project (PIIS). Every reading is recorded.',
    ] },
    { heading: 'What the courts may ask for', paragraphs: [
      'Since judgment no. 44/2019 of the Constitutional Court, there is one case only: a written, reasoned request of the public prosecutor (procureur du Roi), in an investigation of a terrorist offence (article 46bis/1 of the Code of Criminal Procedure).',
      'Even then, the CPAS may give administrative information only: for example your identity, your address or the aid granted. Never your social reports, your notes, your medical data or your social worker’s opinion.',
      'The CPAS checks every request. The answer is signed by the director general or the president. An oral request, a request from a police officer, or one without reasons is refused.',
    ] },
    { heading: 'Nobody has to report you', paragraphs: [
      'No one working at the CPAS has a duty to report anyone: the duty to report was annulled by the Constitutional Court. This portal and the CPAS’s software never ask for it.',
    ] },
    { heading: 'When a request from the courts concerns you', paragraphs: [
      'While the secrecy of the investigation requires it, that request and what was done to answer it do not appear in the list of accesses to your file. The data protection officer sees and checks them.',
    ] },
    { heading: 'Your rights', paragraphs: [
      'Right of access (article 15 GDPR): you can see the information the CPAS keeps about you and ask for a copy, including of your social reports. What concerns other people is removed, and the head of the social service approves the copy before you receive it.',
      'Right to rectification (article 16): you can ask for wrong information to be corrected or incomplete information to be completed.',
      'Right to object (article 21): you can object to a processing of your data, and say why.',
      'The CPAS answers within one month. For a complex request, this can be extended by two months; the CPAS then tells you why.',
      'The CPAS’s data protection officer (DPO) answers your questions: {dpo}.',
    ] },
  ],
  complaintHeading: 'Making a complaint',
  complaint: [
    'If you think the CPAS does not respect your rights, you can complain to the Data Protection Authority, Rue de la Presse 35, 1000 Brussels, contact@apd-gba.be, www.dataprotectionauthority.be.',
  ],
  easyLink: 'Read this text in easy-to-read language',
  easyTitle: 'What my CPAS may share: easy to read',
  easy: [
    'You tell the CPAS about your life.',
    'The CPAS must keep it secret.',
    'Your social worker tells nobody.',
    'The police may not read your social reports.',
    'In one case only, the courts may ask for your name and address: an investigation of terrorism, with a letter from the public prosecutor.',
    'Even then, the CPAS never gives what you told them.',
    'Nobody at the CPAS has to report you.',
    'You may see your file.',
    'You may ask for a copy.',
    'You may ask to correct a mistake.',
    'You may say no to a use of your data.',
    'The CPAS answers within one month.',
    'A question? Contact the data protection officer: {dpo}.',
    'Not happy? Write to the Data Protection Authority, Rue de la Presse 35, 1000 Brussels.',
  ],
  fullLink: 'Read the full version',
};
