// @vitest-environment happy-dom
// The comparison's SVG charts: the log scale, and exact values by keyboard and pointer.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { LogLineChart } from '@/app/_features/compare/ui/LogLineChart';
import { logAxis, logScale, nearestIndex } from '@/app/_features/compare/ui/log-scale';

afterEach(cleanup);

describe('log scale', () => {
  it('snaps the axis to the ticks around the data and maps decades evenly', () => {
    expect(logAxis([0.04, null, 7, 0], [0.01, 0.1, 1, 10, 100])).toEqual({ domain: [0.01, 10], ticks: [0.01, 0.1, 1, 10] });
    const x = logScale([1e3, 1e7], [0, 400]);
    expect([x(1e3), x(1e4), x(1e5), x(1e7)]).toEqual([0, 100, 200, 400]);
    expect(nearestIndex([1e3, 1e4, 1e6], 130, x)).toBe(1);
    expect(nearestIndex([1e3, 1e4, 1e6], 260, x)).toBe(2);
  });
});

const XS = [1e3, 1e4, 1e5, 1e6];
function renderChart() {
  return render(
    <LogLineChart
      label="Cost per day against rows per day"
      xs={XS}
      xAxis={{ domain: [1e3, 1e6], ticks: XS }}
      yAxis={{ domain: [0.1, 100], ticks: [0.1, 1, 10, 100] }}
      series={[
        { key: 'a', name: 'Batch job', color: 'blue', values: [0.2, 0.5, 2, 9] },
        { key: 'b', name: 'Real-time endpoint', color: 'orange', dash: '7 4', values: [7, 7, null, 60] },
      ]}
      formatXTick={String}
      formatYTick={String}
      formatX={(x) => `${x} rows per day`}
      formatY={(v) => (v === null ? 'overloaded' : `$${v}`)}
      xLabel="rows per day"
      marker={{ x: 1e5, label: 'you' }}
      describedBy="table-id"
    />,
  );
}
const chart = () => screen.getByRole('application', { name: 'Cost per day against rows per day' });
const live = () => document.querySelector('[aria-live="polite"]')?.textContent;

describe('LogLineChart', () => {
  it('draws one path per series through its values, bridging a missing one', () => {
    renderChart();
    const paths = [...document.querySelectorAll('[data-series] path')].map((p) => p.getAttribute('d')!.split(' L').length);
    expect(paths).toEqual([4, 3]);
    expect(document.querySelectorAll('[data-series="b"] circle')).toHaveLength(3);
    expect(chart().getAttribute('aria-describedby')).toBe('table-id');
    expect(screen.getByText('Real-time endpoint')).toBeTruthy();
  });

  it('shows exact values from the keyboard, starting at the marked volume', () => {
    renderChart();
    expect(live()).toBe('');
    fireEvent.focus(chart());
    expect(live()).toBe('100000 rows per day; Batch job: $2; Real-time endpoint: overloaded');
    fireEvent.keyDown(chart(), { key: 'ArrowRight' });
    expect(live()).toBe('1000000 rows per day; Batch job: $9; Real-time endpoint: $60');
    fireEvent.keyDown(chart(), { key: 'ArrowRight' });
    expect(live()).toMatch(/^1000000 rows/);
    fireEvent.keyDown(chart(), { key: 'Home' });
    expect(live()).toMatch(/^1000 rows per day; Batch job: \$0.2/);
    expect(document.querySelector('.bvr-tooltip')?.textContent).toBe('1000 rows per dayBatch job: $0.2Real-time endpoint: $7');
    fireEvent.keyDown(chart(), { key: 'Escape' });
    expect(document.querySelector('.bvr-tooltip')).toBeNull();
  });

  it('follows the pointer to the nearest volume', () => {
    renderChart();
    const svg = chart();
    svg.getBoundingClientRect = () => ({ left: 0, top: 0, width: 640, height: 260, right: 640, bottom: 260, x: 0, y: 0, toJSON() {} });
    // x = 66 + (log10(1e4) - 3) / 3 × (640 - 16 - 66) = 252: the second volume.
    fireEvent.pointerMove(svg, { clientX: 250, clientY: 100 });
    expect(live()).toMatch(/^10000 rows per day; Batch job: \$0.5/);
    fireEvent.pointerLeave(svg);
    expect(live()).toBe('');
  });
});
