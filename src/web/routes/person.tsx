/**
 * One person (public): name, party, roles (seat, district, dates), offices and contact details, links, the
 * committees they sit on, and their sponsorships and votes on the bills lawgap tracks.
 */
import type { Person, PersonActivity } from '../api/bill-types.ts';
import { FollowButton } from '../components/follow-button.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';
import { chamberName, committeeRoleName, officeName, optionName, stageName } from '../lib/bill-labels.ts';
import { billPath, committeePath } from '../lib/bill-paths.ts';
import { dayOf } from '../lib/bill-text.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { useJurisdictionNames } from '../lib/use-jurisdiction-names.ts';
import '../styles/bills.css';

function Roles({ person }: { person: Person }) {
  const { t } = useI18n();
  if (person.roles.length === 0) return <p>{t('app.person.noRoles')}</p>;
  return (
    <ScrollTable id="person-roles" caption={t('app.person.rolesCaption', { count: person.roles.length })}>
      <thead>
        <tr>
          <th scope="col">{t('app.person.seat')}</th>
          <th scope="col">{t('app.person.district')}</th>
          <th scope="col">{t('app.person.from')}</th>
          <th scope="col">{t('app.person.to')}</th>
          <th scope="col">{t('app.person.endReason')}</th>
        </tr>
      </thead>
      <tbody>
        {person.roles.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: roles keep the source's order.
          <tr key={i}>
            <th scope="row">{chamberName(t, r.type)}</th>
            <td>{r.district ?? '—'}</td>
            <td>{r.startDate ?? '—'}</td>
            <td>{r.endDate ?? t('app.person.now')}</td>
            <td>{r.endReason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function Offices({ person }: { person: Person }) {
  const { t } = useI18n();
  const email = person.email;
  if (person.offices.length === 0 && !email) return <p>{t('app.person.noOffices')}</p>;
  return (
    <>
      {email ? (
        <p>
          {t('app.person.email')}: <a href={`mailto:${email}`}>{email}</a>
        </p>
      ) : null}
      <ul className="offices">
        {person.offices.map((o, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: offices keep the source's order.
          <li key={i}>
            <h3>{o.name ?? officeName(t, o.classification)}</h3>
            <dl className="refs">
              {o.address ? (
                <>
                  <dt>{t('app.person.address')}</dt>
                  <dd className="address">{o.address.replaceAll(';', '\n')}</dd>
                </>
              ) : null}
              {o.voice ? (
                <>
                  <dt>{t('app.person.voice')}</dt>
                  <dd>
                    <a href={`tel:${o.voice.replace(/[^\d+]/g, '')}`}>{o.voice}</a>
                  </dd>
                </>
              ) : null}
              {o.fax ? (
                <>
                  <dt>{t('app.person.fax')}</dt>
                  <dd>{o.fax}</dd>
                </>
              ) : null}
              {o.email ? (
                <>
                  <dt>{t('app.person.email')}</dt>
                  <dd>
                    <a href={`mailto:${o.email}`}>{o.email}</a>
                  </dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

function Activity({ activity }: { activity: PersonActivity }) {
  const { t } = useI18n();
  return (
    <>
      <section aria-labelledby="person-committees" className="bill-section">
        <h2 id="person-committees">{t('app.person.committees')}</h2>
        {activity.committees.length === 0 ? <p>{t('app.person.noCommittees')}</p> : null}
        <ul>
          {activity.committees.map((c) => (
            <li key={`${c.committeeId}|${c.role}`}>
              <Link to={committeePath(c.committeeId)}>{c.name}</Link> ({committeeRoleName(t, c.role)}
              {c.startDate ? `, ${c.startDate}–${c.endDate ?? ''}` : ''})
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="person-sponsorships" className="bill-section">
        <h2 id="person-sponsorships">{t('app.person.sponsorships')}</h2>
        {activity.sponsorships.length === 0 ? (
          <p>{t('app.person.noSponsorships')}</p>
        ) : (
          <ScrollTable
            id="person-sponsorships-caption"
            caption={t('app.person.sponsorshipsCaption', { count: activity.sponsorships.length })}
          >
            <thead>
              <tr>
                <th scope="col">{t('app.bills.identifier')}</th>
                <th scope="col">{t('app.bills.billTitle')}</th>
                <th scope="col">{t('app.bill.session')}</th>
                <th scope="col">{t('app.bill.stage')}</th>
                <th scope="col">{t('app.bill.sponsorRole')}</th>
              </tr>
            </thead>
            <tbody>
              {activity.sponsorships.map((s) => (
                <tr key={`${s.id}|${s.classification}`}>
                  <th scope="row" className="nowrap">
                    <Link to={billPath(s.id)}>{s.identifier}</Link>
                  </th>
                  <td>{s.title}</td>
                  <td>{s.sessionIdentifier}</td>
                  <td>{stageName(t, s.stage)}</td>
                  <td>{s.primary ? t('app.bill.primary') : s.classification}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </section>
      <section aria-labelledby="person-votes" className="bill-section">
        <h2 id="person-votes">{t('app.person.votes')}</h2>
        {activity.votes.length === 0 ? (
          <p>{t('app.person.noVotes')}</p>
        ) : (
          <ScrollTable
            id="person-votes-caption"
            caption={t('app.person.votesCaption', { count: activity.votes.length })}
          >
            <thead>
              <tr>
                <th scope="col">{t('app.bill.date')}</th>
                <th scope="col">{t('app.bills.identifier')}</th>
                <th scope="col">{t('app.bill.motion')}</th>
                <th scope="col">{t('app.bill.memberVote')}</th>
                <th scope="col">{t('app.bill.result')}</th>
              </tr>
            </thead>
            <tbody>
              {activity.votes.map((v) => (
                <tr key={v.voteId}>
                  <td className="nowrap">{dayOf(v.startDate)}</td>
                  <th scope="row" className="nowrap">
                    <Link to={billPath(v.bill.id)}>{v.bill.identifier}</Link>
                  </th>
                  <td>{v.motionText}</td>
                  <td>{optionName(t, v.option)}</td>
                  <td>{t(`app.bill.result.${v.result}`)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </section>
    </>
  );
}

/** The page of one person: `/people/:id` (OCD person id or its UUID). */
export function PersonPage({ id }: { id: string }) {
  const { t, pick } = useI18n();
  const { api } = useSession();
  const person = useLoad(() => api.person(id), [api, id]);
  const activity = useLoad(() => api.personActivity(id), [api, id]);
  const p = person.data;
  const party = p?.party.find((x) => !x.endDate) ?? p?.party.at(-1);
  const names = useJurisdictionNames(p?.jurisdictionId ? [p.jurisdictionId] : []);
  const name = p?.jurisdictionId ? names.get(p.jurisdictionId) : undefined;
  const jurisdiction = name
    ? pick(name)
    : p?.jurisdictionId
      ? { text: p.jurisdictionId, lang: undefined }
      : null;
  return (
    <Page title={p?.name ?? t('app.person.title')}>
      <LoadState loading={p === null && !person.error} error={person.error} />
      {p ? (
        <>
          <FollowButton kind="person" id={p.id} label={p.name} />
          <dl className="facts">
            {party ? (
              <div>
                <dt>{t('app.person.party')}</dt>
                <dd>{party.name}</dd>
              </div>
            ) : null}
            {jurisdiction ? (
              <div>
                <dt>{t('app.person.jurisdiction')}</dt>
                <dd lang={jurisdiction.lang}>{jurisdiction.text}</dd>
              </div>
            ) : null}
            {p.otherNames.length > 0 ? (
              <div>
                <dt>{t('app.person.otherNames')}</dt>
                <dd>{p.otherNames.join(', ')}</dd>
              </div>
            ) : null}
          </dl>
          {p.party.length > 1 ? (
            <>
              <h2>{t('app.person.partyHistory')}</h2>
              <ul>
                {p.party.map((x) => (
                  <li key={`${x.name}|${x.startDate ?? ''}`}>
                    {x.name} ({x.startDate ?? '…'}–{x.endDate ?? t('app.person.now')})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>{t('app.person.roles')}</h2>
          <Roles person={p} />
          <h2>{t('app.person.offices')}</h2>
          <Offices person={p} />
          {p.links.length > 0 ? (
            <>
              <h2>{t('app.person.links')}</h2>
              <ul>
                {p.links.map((l) => (
                  <li key={l.url}>
                    <a href={l.url}>{l.note || l.url}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <LoadState loading={activity.data === null && !activity.error} error={activity.error} />
          {activity.data ? <Activity activity={activity.data} /> : null}
        </>
      ) : null}
    </Page>
  );
}
