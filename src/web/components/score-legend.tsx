/**
 * The score map's legend and the SVG patterns its shapes use. Each band is a colour and a pattern, so the
 * map reads without colour vision; the legend is a list so screen readers hear the bands in order.
 */
import { useI18n } from '../lib/i18n.tsx';
import { bandPatternId, notCodedBand, type ScoreBand, scoreBands } from '../lib/score-bands.ts';

function Tile({ id, color, pattern, ink }: { id: string; color: string; pattern: string; ink: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="8" height="8">
      <rect width="8" height="8" fill={color} />
      <path d={pattern} stroke={ink} strokeWidth="1.5" fill={ink} />
    </pattern>
  );
}

/** The pattern definitions, once per page; shapes refer to them as `url(#score-band-…)`. */
export function ScorePatterns() {
  return (
    <svg className="svg-defs" aria-hidden="true" focusable="false" width="0" height="0">
      <defs>
        {scoreBands.map((b) => (
          <Tile key={b.id} id={bandPatternId(b.id)} color={b.color} pattern={b.pattern} ink="#ffffff" />
        ))}
        <Tile
          id={bandPatternId('notCoded')}
          color={notCodedBand.color}
          pattern={notCodedBand.pattern}
          ink={notCodedBand.ink}
        />
      </defs>
    </svg>
  );
}

function Swatch({ id }: { id: ScoreBand['id'] | 'notCoded' }) {
  return (
    <svg className="swatch" viewBox="0 0 24 16" aria-hidden="true" focusable="false">
      <rect width="24" height="16" fill={`url(#${bandPatternId(id)})`} stroke="#1a1a1a" strokeWidth="1" />
    </svg>
  );
}

/** The legend: each band's range and grade, then "not coded". */
export function ScoreLegend() {
  const { t } = useI18n();
  return (
    <div className="legend">
      <h3 className="legend-title">{t('app.map.legend')}</h3>
      <ul>
        {[...scoreBands].reverse().map((b) => (
          <li key={b.id}>
            <Swatch id={b.id} />
            {b.max === 100
              ? t('app.map.bandTop', { min: b.min, grade: b.id })
              : t('app.map.band', { min: b.min, max: b.max, grade: b.id })}
          </li>
        ))}
        <li>
          <Swatch id="notCoded" />
          {t('app.map.notCoded')}
        </li>
      </ul>
    </div>
  );
}
