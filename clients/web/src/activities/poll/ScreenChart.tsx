import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { usePollChartMessages } from './screenChartMessages';
import { type ChartQuestion, type ChartTally, chartSvg } from './screenCharts';

// A question's chart in a page: screenCharts.ts's SVG (all its text escaped there), as the element's
// markup. `fill`: the chart takes its box's shape (the projector's, measured), so that it fills
// the room left without scrolling and scales as little as it can; else it is drawn `width` units
// wide and as tall as the page's width makes it (the console).
export function ScreenChart({
  question,
  tally,
  fill = false,
  width = 1500,
}: {
  question: ChartQuestion;
  tally: ChartTally | undefined;
  fill?: boolean;
  width?: number;
}) {
  const words = usePollChartMessages();
  const box = useRef<HTMLDivElement>(null);
  const [aspect, setAspect] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    const el = box.current;
    if (!fill || !el) return;
    const measure = () => {
      const { width: w, height: h } = el.getBoundingClientRect();
      // In steps of 0.05: a box that moves by a pixel draws nothing again.
      if (w > 0 && h > 0) setAspect(Math.round((w / h) * 20) / 20);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [fill]);
  const chart = useMemo(
    () => chartSvg(question, tally, words, fill ? { aspect: aspect ?? 16 / 7 } : { width }),
    [question, tally, words, fill, aspect, width],
  );
  return (
    <div
      ref={box}
      class={`poll-chart${fill ? ' fill' : ''}`}
      data-poll-chart-width={chart.width}
      data-poll-chart-height={chart.height}
      dangerouslySetInnerHTML={{ __html: chart.svg }}
    />
  );
}
