/** The panel's secondary sections wait for the first chart, or for the fallback when none draws. */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAfterFirstChart } from '../../../components/app/useAfterFirstChart';
import { FIRST_CHART_MARK } from '../../../components/trends/chartRuntime';

function Probe({ fallbackMs }: { fallbackMs: number }) {
  return <p data-testid="probe">{useAfterFirstChart(fallbackMs) ? 'shown' : 'waiting'}</p>;
}

describe('useAfterFirstChart', () => {
  beforeEach(() => performance.clearMarks(FIRST_CHART_MARK));
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    performance.clearMarks(FIRST_CHART_MARK);
  });

  it('waits while no chart has drawn, and shows once the first-chart mark is set', async () => {
    render(<Probe fallbackMs={60_000} />);
    expect(screen.getByTestId('probe').textContent).toBe('waiting');
    await act(async () => {
      performance.mark(FIRST_CHART_MARK);
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(screen.getByTestId('probe').textContent).toBe('shown');
  });

  it('shows at once when the chart drew before the panel section mounted', () => {
    performance.mark(FIRST_CHART_MARK);
    render(<Probe fallbackMs={60_000} />);
    expect(screen.getByTestId('probe').textContent).toBe('shown');
  });

  it('shows after the fallback when no chart ever draws, not before', () => {
    vi.useFakeTimers();
    render(<Probe fallbackMs={400} />);
    act(() => vi.advanceTimersByTime(399));
    expect(screen.getByTestId('probe').textContent).toBe('waiting');
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByTestId('probe').textContent).toBe('shown');
  });
});
