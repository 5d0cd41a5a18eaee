/**
 * Invented statutes in real drafting style for the analyzer's tests. None of this is real law: the wording is
 * ours, modelled on common patterns (offence sections, definitions, penalties), so tests never rest on law
 * quoted from memory.
 */
import type { AnalyzerDocument } from './types.ts';

/** A small invented anti-trafficking act covering the core offence, consent, children and remedies. */
export const traffickingAct: AnalyzerDocument = {
  title: 'Prevention of Trafficking in Persons Act (fixture)',
  language: 'en',
  provisions: [
    {
      citation: 's. 1',
      heading: 'Short title',
      text: 'This Act may be cited as the Prevention of Trafficking in Persons Act.',
    },
    { citation: 's. 2', heading: 'Definitions', text: 'In this Act:' },
    {
      citation: 's. 2(1)',
      heading: null,
      text: '"young person" means a person who has not attained the age of eighteen years.',
    },
    {
      citation: 's. 2(2)',
      heading: null,
      text: '"exploitation" includes, at a minimum, the exploitation of the prostitution of others or other forms of sexual exploitation, forced labour or services, slavery or practices similar to slavery, servitude and the removal of organs.',
    },
    { citation: 's. 3', heading: 'Trafficking in persons', text: '' },
    {
      citation: 's. 3(1)',
      heading: null,
      text: 'A person who recruits, transports, transfers, harbours or receives another person by means of force, threat, coercion, abduction, fraud, deception or the abuse of a position of vulnerability, for the purpose of exploitation, commits an offence.',
    },
    {
      citation: 's. 3(2)',
      heading: null,
      text: 'A person who recruits, transports, harbours or receives a young person for the purpose of exploitation commits an offence even if none of the means set out in subsection (1) is used.',
    },
    {
      citation: 's. 3(3)',
      heading: null,
      text: 'The consent of a victim to the intended exploitation shall not be a defence to a charge under this section.',
    },
    {
      citation: 's. 3(4)',
      heading: null,
      text: 'A person convicted of an offence under this section is liable to imprisonment for a term not exceeding twenty years.',
    },
    {
      citation: 's. 4',
      heading: 'Jurisdiction',
      text: 'The courts have jurisdiction over an offence under section 3 committed outside the territory by a national of the State.',
    },
    {
      citation: 's. 5',
      heading: 'Assistance to victims',
      text: 'A victim of trafficking in persons is entitled to shelter, medical care, psychological counselling and material assistance. Assistance shall not be made conditional on the willingness of the victim to cooperate with the investigation.',
    },
  ],
};

/** The same act with a consent clause that makes consent a defence (negation test). */
export const consentIsADefence: AnalyzerDocument = {
  ...traffickingAct,
  provisions: traffickingAct.provisions.map((p) =>
    p.citation === 's. 3(3)'
      ? {
          ...p,
          text: 'The consent of the person to the conduct is a defence to a charge under this section.',
        }
      : p,
  ),
};

/** An invented road traffic code: unrelated law that must get `no` everywhere. */
export const trafficCode: AnalyzerDocument = {
  title: 'Road Traffic Code (fixture)',
  language: 'en',
  provisions: [
    {
      citation: 's. 1',
      heading: 'Definitions',
      text: '"vehicle" means any device in, upon or by which a person may be transported on a highway.',
    },
    {
      citation: 's. 2',
      heading: 'Speeding',
      text: 'A person who drives a vehicle at a speed exceeding the posted limit commits an offence and is liable to a fine not exceeding 500 dollars or imprisonment for a term not exceeding 30 days.',
    },
    {
      citation: 's. 3',
      heading: 'Transport of goods',
      text: 'A carrier who transports goods for reward shall hold a licence and shall keep records of every transfer of cargo, and shall provide training to its drivers.',
    },
    {
      citation: 's. 4',
      heading: 'Fraud on the registry',
      text: 'A person who by fraud or deception obtains a driving licence commits an offence and the licence shall be forfeited. The consent of the registrar is no defence.',
    },
    {
      citation: 's. 5',
      heading: 'Young drivers',
      text: 'A child under the age of sixteen years shall not drive a vehicle on a highway.',
    },
  ],
};

/** An invented Spanish offence in the Palermo pattern. */
export const spanishAct: AnalyzerDocument = {
  title: 'Ley de prevención de la trata de personas (fixture)',
  language: 'es',
  provisions: [
    {
      citation: 'art. 1',
      heading: 'Trata de personas',
      text: 'Comete el delito de trata de personas quien capte, transporte, traslade, acoja o reciba a una persona, recurriendo a la amenaza, la fuerza, el engaño o el abuso de una situación de vulnerabilidad, con fines de explotación sexual, trabajos forzados, esclavitud o servidumbre.',
    },
    {
      citation: 'art. 2',
      heading: 'Pena',
      text: 'El delito de trata de personas será castigado con pena de prisión de ocho a quince años.',
    },
  ],
};

/** An invented property-law text: "servitude" here is an easement, not slavery; it must get `no` everywhere. */
export const easementLaw: AnalyzerDocument = {
  title: 'Property Code: Servitudes (fixture)',
  language: 'en',
  provisions: [
    {
      citation: 'art. 1',
      heading: 'Predial servitudes',
      text: 'A predial servitude is a charge on a servient estate for the benefit of a dominant estate.',
    },
    {
      citation: 'art. 2',
      heading: 'Servitude of passage',
      text: 'The owner of an enclosed estate may claim a servitude of passage over neighbouring land.',
    },
    {
      citation: 'art. 3',
      heading: 'Extinction',
      text: 'A servitude is extinguished by nonuse for ten years; the owner who obtains the servitude by fraud is liable for damages.',
    },
    {
      citation: 'art. 4',
      heading: 'Apparent servitudes',
      text: 'Apparent servitudes may be acquired by title; nonapparent servitudes may be acquired by title only.',
    },
  ],
};
