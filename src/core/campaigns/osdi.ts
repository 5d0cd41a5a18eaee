/**
 * A campaign as an OSDI v1 document (HAL+JSON; opensupporter.github.io/osdi-docs, the shape Action Network's API
 * follows): one `osdi:advocacy_campaign` whose `targets` are the campaign's targets, with `_embedded` holding the
 * `osdi:outreaches` (our interaction log), `osdi:people` (the target people) and `osdi:tags` (`gap:<indicator>`,
 * `status:<status>`). Every resource carries `identifiers` (`lawgap:<our id>` first, then other systems' ids,
 * unchanged). What OSDI has no field for travels in `lawgap:`-prefixed extension fields, as OSDI allows.
 * Pure: the reader is in ingest/osdi/.
 */
import {
  type CampaignBundle,
  campaignTags,
  type InteropTarget,
  lawgapIdentifier,
  osdiOutreachType,
  splitName,
} from './interop.ts';

/** Where OSDI's link relations are documented (the `osdi:` curie). */
export const osdiCurieHref = 'https://opensupporter.github.io/osdi-docs/{rel}';

/** The media type of the export. */
export const halJsonType = 'application/hal+json';

/** An OSDI resource as plain JSON. */
export type OsdiResource = Record<string, unknown>;

function target(t: InteropTarget): OsdiResource {
  const { given, family } = splitName(t.name);
  return {
    identifiers: t.identifiers,
    title: t.office ?? '',
    given_name: given,
    family_name: family,
    ...(t.personId ? { ocdid: t.personId } : {}),
    'lawgap:kind': t.kind,
    'lawgap:name': t.name,
    'lawgap:positions': t.positions.map((p) => ({
      position: p.position,
      date: p.date,
      source: p.source,
      note: p.note,
    })),
  };
}

/** The OSDI document of a campaign; `selfHref` is the export's own address (links are relative to it). */
export function campaignToOsdi(bundle: CampaignBundle, selfHref: string): OsdiResource {
  const campaignLink = { href: selfHref };
  const outreaches = bundle.outreaches.map((o) => {
    const t = bundle.targets.find((x) => x.identifiers.includes(o.targetIdentifier));
    return {
      identifiers: o.identifiers,
      origin_system: 'lawgap',
      action_date: o.date,
      type: osdiOutreachType(o.kind),
      message: o.note ?? '',
      targets: [
        t
          ? {
              identifiers: t.identifiers,
              title: t.office ?? '',
              given_name: splitName(t.name).given,
              family_name: splitName(t.name).family,
            }
          : { identifiers: [o.targetIdentifier] },
      ],
      'lawgap:kind': o.kind,
      'lawgap:target': o.targetIdentifier,
      _links: { 'osdi:advocacy_campaign': campaignLink },
    };
  });
  const people = bundle.targets.map((t) => {
    const { given, family } = splitName(t.name);
    return {
      identifiers: t.identifiers,
      given_name: given,
      family_name: family,
      'lawgap:name': t.name,
      'lawgap:office': t.office,
      ...(t.personId ? { 'lawgap:ocdid': t.personId } : {}),
      _links: { 'osdi:advocacy_campaign': campaignLink },
    };
  });
  const tags = campaignTags(bundle).map((name) => ({
    identifiers: [lawgapIdentifier(`tag:${name}`)],
    name,
    _links: { 'osdi:advocacy_campaign': campaignLink },
  }));
  return {
    identifiers: bundle.identifiers,
    origin_system: 'lawgap',
    created_date: bundle.createdDate,
    modified_date: bundle.modifiedDate,
    title: bundle.title,
    description: bundle.summary,
    targets: bundle.targets.map(target),
    total_outreaches: bundle.outreaches.length,
    'lawgap:status': bundle.status,
    'lawgap:jurisdiction_id': bundle.jurisdictionId,
    'lawgap:start_date': bundle.startDate,
    'lawgap:end_date': bundle.endDate,
    'lawgap:bills': bundle.bills.map((b) => ({
      identifiers: b.identifiers,
      legislative_session: b.session,
      identifier: b.identifier,
    })),
    _links: {
      curies: [{ name: 'osdi', href: osdiCurieHref, templated: true }],
      self: campaignLink,
      'osdi:outreaches': { href: `${selfHref}#outreaches` },
      'osdi:tags': { href: `${selfHref}#tags` },
    },
    _embedded: { 'osdi:outreaches': outreaches, 'osdi:people': people, 'osdi:tags': tags },
  };
}
