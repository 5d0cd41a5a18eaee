/** A bill's roll-call votes: motion, result, date, chamber and counts, and a table of how each member voted. */
import type { Vote } from '../api/bill-types.ts';
import { chamberName, optionName } from '../lib/bill-labels.ts';
import { personPath } from '../lib/bill-paths.ts';
import { dayOf, tallyOf } from '../lib/bill-text.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link } from './link.tsx';
import { ScrollTable } from './scroll-table.tsx';

function VoteItem({ vote, index }: { vote: Vote; index: number }) {
  const { t } = useI18n();
  const id = `vote-${index}`;
  return (
    <li className="vote">
      <h3 id={`${id}-heading`}>{vote.motionText}</h3>
      <dl className="facts">
        <div>
          <dt>{t('app.bill.result')}</dt>
          <dd>
            <strong>{t(`app.bill.result.${vote.result}`)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('app.bill.date')}</dt>
          <dd>{dayOf(vote.startDate)}</dd>
        </div>
        {vote.chamber ? (
          <div>
            <dt>{t('app.bill.chamber')}</dt>
            <dd>{chamberName(t, vote.chamber)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('app.bill.counts')}</dt>
          <dd>
            {tallyOf(vote.counts)
              .map((c) => `${optionName(t, c.option)} ${c.value}`)
              .join(', ') || '—'}
          </dd>
        </div>
      </dl>
      {vote.members.length > 0 ? (
        <ScrollTable
          id={`${id}-caption`}
          caption={t('app.bill.membersCaption', { motion: vote.motionText, date: dayOf(vote.startDate) })}
        >
          <thead>
            <tr>
              <th scope="col">{t('app.bill.member')}</th>
              <th scope="col">{t('app.bill.memberVote')}</th>
            </tr>
          </thead>
          <tbody>
            {vote.members.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: member votes keep the source's order and may lack names.
              <tr key={i}>
                <th scope="row">
                  {m.personId ? (
                    <Link to={personPath(m.personId)}>{m.voterName ?? m.personId}</Link>
                  ) : (
                    (m.voterName ?? <span className="muted">{t('app.bill.unnamed')}</span>)
                  )}
                </th>
                <td>{optionName(t, m.option)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
    </li>
  );
}

/** The votes section of a bill's page (votes loaded by the page). */
export function BillVotes({ votes }: { votes: readonly Vote[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="bill-votes" className="bill-section">
      <h2 id="bill-votes">{t('app.bill.votes')}</h2>
      {votes.length === 0 ? (
        <p>{t('app.bill.noVotes')}</p>
      ) : (
        <ol className="votes">
          {votes.map((v, i) => (
            <VoteItem key={v.id} vote={v} index={i} />
          ))}
        </ol>
      )}
    </section>
  );
}
