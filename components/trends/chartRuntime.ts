/**
 * Chart.js with only the parts trend lines use (tree-shaken: no bar, pie or radial code), the
 * date-fns adapter for the time axis, and the signal browser tests and the benchmark wait on.
 */
import { Chart, Decimation, Legend, LineController, LineElement, LinearScale, PointElement, TimeScale, Tooltip, type Plugin } from 'chart.js';
import 'chartjs-adapter-date-fns';

Chart.register(LineController, LineElement, PointElement, LinearScale, TimeScale, Decimation, Tooltip, Legend);

export { Chart };

/** performance mark set once per page, when the first chart has drawn. */
export const FIRST_CHART_MARK = 'shoplens:first-chart';
let firstChartMarked = false;

/** Sets `data-drawn="true"` on the container after the chart's first draw, and the page's mark. */
export function drawnSignal(container: HTMLElement): Plugin<'line'> {
  let done = false;
  return {
    id: 'shoplensDrawn',
    afterRender() {
      if (done) return;
      done = true;
      container.dataset.drawn = 'true';
      if (!firstChartMarked) {
        firstChartMarked = true;
        performance.mark(FIRST_CHART_MARK);
      }
    },
  };
}

/** Paints the chart area white before drawing, so an exported PNG is not transparent. */
export const opaqueBackground: Plugin<'line'> = {
  id: 'shoplensBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};
