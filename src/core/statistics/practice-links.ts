/**
 * Law vs practice: which enforcement statistics bear on which indicators of the framework. Policy: a link only
 * says where to look beside an indicator; practice data is shown next to the law, clearly marked as practice,
 * and never enters a score (scoring reads coded answers only and never imports this file). Indicator ids are
 * the built-in framework's (a test checks each one exists); each link gives its reason in English, Spanish and
 * French.
 */
import type { LocalizedText } from '../framework/types.ts';
import type { StatisticMeasure } from './types.ts';

/** One indicator and the measures that show how its law works in practice. */
export interface PracticeLink {
  indicatorId: string;
  /** The measures charted beside the indicator, in the order shown. */
  measures: readonly StatisticMeasure[];
  /** Why these figures bear on the indicator, one line. */
  reason: LocalizedText;
}

/** Every link, in framework order. */
export const practiceLinks: readonly PracticeLink[] = [
  {
    indicatorId: 'CR-01',
    measures: ['investigations', 'prosecutions', 'convictions'],
    reason: {
      en: 'An offence on the books is used when cases are investigated, prosecuted and end in convictions.',
      es: 'Un delito tipificado se aplica cuando los casos se investigan, se enjuician y terminan en condenas.',
      fr: 'Une infraction inscrite dans la loi s’applique lorsque les affaires sont instruites, poursuivies et aboutissent à des condamnations.',
    },
  },
  {
    indicatorId: 'CR-05',
    measures: ['prosecutions', 'convictions'],
    reason: {
      en: 'Equal footing for labour trafficking shows in prosecutions and convictions for it.',
      es: 'La igualdad de trato de la trata laboral se ve en los enjuiciamientos y condenas por ella.',
      fr: 'L’égalité de traitement de la traite à des fins de travail se voit dans les poursuites et condamnations.',
    },
  },
  {
    indicatorId: 'PN-01',
    measures: ['convictions'],
    reason: {
      en: 'Penalties matter only when trafficking cases end in convictions.',
      es: 'Las penas solo importan cuando los casos de trata terminan en condena.',
      fr: 'Les peines ne comptent que lorsque les affaires de traite aboutissent à une condamnation.',
    },
  },
  {
    indicatorId: 'VI-01',
    measures: ['victims_identified', 'prosecutions'],
    reason: {
      en: 'Non-punishment is tested when identified victims are many and prosecutions of them are few.',
      es: 'La no punibilidad se pone a prueba cuando hay muchas víctimas identificadas y pocas son enjuiciadas.',
      fr: 'La non-sanction se vérifie lorsque les victimes identifiées sont nombreuses et peu d’entre elles poursuivies.',
    },
  },
  {
    indicatorId: 'VI-04',
    measures: ['victims_identified'],
    reason: {
      en: 'An identification and referral mechanism shows in how many victims are identified each year.',
      es: 'Un mecanismo de identificación y derivación se ve en cuántas víctimas se identifican cada año.',
      fr: 'Un mécanisme d’identification et d’orientation se voit au nombre de victimes identifiées chaque année.',
    },
  },
  {
    indicatorId: 'VI-07',
    measures: ['victims_identified', 'victims_assisted'],
    reason: {
      en: 'Assistance without cooperation shows when most identified victims are assisted.',
      es: 'La asistencia sin cooperación se ve cuando la mayoría de las víctimas identificadas recibe asistencia.',
      fr: 'L’assistance sans coopération se voit lorsque la plupart des victimes identifiées sont assistées.',
    },
  },
  {
    indicatorId: 'VP-01',
    measures: ['victims_assisted', 'victims_identified'],
    reason: {
      en: 'A right to assistance is used when identified victims are actually assisted.',
      es: 'El derecho a asistencia se ejerce cuando las víctimas identificadas reciben asistencia.',
      fr: 'Le droit à l’assistance s’exerce lorsque les victimes identifiées sont effectivement assistées.',
    },
  },
  {
    indicatorId: 'DC-03',
    measures: ['investigations', 'prosecutions', 'convictions', 'victims_identified', 'victims_assisted'],
    reason: {
      en: 'A duty to collect and publish data shows in the figures actually published.',
      es: 'La obligación de recopilar y publicar datos se ve en las cifras efectivamente publicadas.',
      fr: 'L’obligation de collecter et publier des données se voit dans les chiffres effectivement publiés.',
    },
  },
];

/** The link of an indicator, or null when no statistic bears on it. */
export function practiceLinkFor(indicatorId: string): PracticeLink | null {
  return practiceLinks.find((l) => l.indicatorId === indicatorId) ?? null;
}

/** Every measure any link names, each once (what a jurisdiction's practice view needs to read). */
export function linkedMeasures(links: readonly PracticeLink[] = practiceLinks): StatisticMeasure[] {
  return [...new Set(links.flatMap((l) => l.measures))];
}
