// "Ce que mon CPAS peut et ne peut pas partager", in French (full and easy to read).
import type { SharingTexts } from './citizen-sharing.ts';

export const frSharing: SharingTexts = {
  title: 'Ce que mon CPAS peut et ne peut pas partager',
  intro: 'Ce que vous dites au CPAS reste au CPAS. Voici ce que la loi permet, ce qu’elle interdit, et vos droits.',
  sections: [
    { heading: 'Le secret professionnel', paragraphs: [
      'Les assistants sociaux et le personnel du CPAS sont tenus au secret professionnel (article 458 du Code pénal). Ce que vous leur confiez ne peut pas être communiqué à d’autres, sauf dans les cas précis prévus par la loi.',
      'Dans le CPAS, vos rapports sociaux, les notes et l’avis de votre assistant social, vos données médicales et votre projet individualisé (PIIS) ne sont lus que par l’assistant social qui suit votre dossier et le responsable du service social. Chaque lecture est enregistrée.',
    ] },
    { heading: 'Ce que la justice peut demander', paragraphs: [
      'Depuis l’arrêt de la Cour constitutionnelle n° 44/2019, un seul cas est prévu : une demande écrite et motivée du procureur du Roi, dans une enquête sur une infraction terroriste (article 46bis/1 du Code d’instruction criminelle).',
      'Même alors, le CPAS ne peut donner que des informations administratives : par exemple votre identité, votre adresse ou l’aide accordée. Jamais vos rapports sociaux, vos notes, vos données médicales ni l’avis de votre assistant social.',
      'Le CPAS vérifie chaque demande. La réponse est signée par le directeur général ou le président. Une demande orale, d’un policier ou sans motif, est refusée.',
    ] },
    { heading: 'Personne ne doit vous dénoncer', paragraphs: [
      'Aucun travailleur du CPAS n’a le devoir de dénoncer qui que ce soit : l’obligation de signaler a été annulée par la Cour constitutionnelle. Ce portail et le logiciel du CPAS ne le demandent jamais.',
    ] },
    { heading: 'Quand une demande de la justice vous concerne', paragraphs: [
      'Tant que le secret de l’enquête l’impose, cette demande et ce qui a été fait pour y répondre n’apparaissent pas dans la liste des accès à votre dossier. Le délégué à la protection des données les voit et les contrôle.',
    ] },
    { heading: 'Vos droits', paragraphs: [
      'Droit d’accès (article 15 du RGPD) : vous pouvez voir les informations que le CPAS garde sur vous et en demander une copie, y compris de vos rapports sociaux. Ce qui concerne d’autres personnes en est retiré, et le responsable du service social approuve la copie avant qu’elle vous soit remise.',
      'Droit de rectification (article 16) : vous pouvez demander de corriger une information fausse ou de compléter une information incomplète.',
      'Droit d’opposition (article 21) : vous pouvez vous opposer à un traitement de vos données, en expliquant pourquoi.',
      'Le CPAS vous répond dans un mois. Pour une demande complexe, ce délai peut être prolongé de deux mois ; le CPAS vous dit alors pourquoi.',
      'Le délégué à la protection des données (DPO) du CPAS répond à vos questions : {dpo}.',
    ] },
  ],
  complaintHeading: 'Porter plainte',
  complaint: [
    'Si vous pensez que le CPAS ne respecte pas vos droits, vous pouvez porter plainte auprès de l’Autorité de protection des données, rue de la Presse 35, 1000 Bruxelles, contact@apd-gba.be, www.autoriteprotectiondonnees.be.',
  ],
  easyLink: 'Lire ce texte en version facile à lire',
  easyTitle: 'Ce que mon CPAS peut partager : en facile à lire',
  easy: [
    'Vous parlez au CPAS de votre vie.',
    'Le CPAS doit garder cela secret.',
    'Votre assistant social ne le dit à personne.',
    'La police ne peut pas lire vos rapports sociaux.',
    'Dans un seul cas, la justice peut demander votre nom et votre adresse : une enquête sur le terrorisme, avec une lettre du procureur du Roi.',
    'Même alors, le CPAS ne donne jamais ce que vous avez raconté.',
    'Personne au CPAS ne doit vous dénoncer.',
    'Vous pouvez voir votre dossier.',
    'Vous pouvez demander une copie.',
    'Vous pouvez demander de corriger une erreur.',
    'Vous pouvez dire non à un usage de vos données.',
    'Le CPAS répond dans un mois.',
    'Une question ? Contactez le délégué à la protection des données : {dpo}.',
    'Pas d’accord ? Écrivez à l’Autorité de protection des données, rue de la Presse 35, 1000 Bruxelles.',
  ],
  fullLink: 'Lire la version complète',
};
