/**
 * What a run's time window means for its results. The model's first month is Yiwu as calibrated
 * for January 2020 (late-2019 trade, merchants and digital adoption: sim/world/init.ts and the fit
 * in scenarios/calibration), whatever month the run starts in; the default lever paths are the
 * record to 2024 and plans to 2030 (world-data.ts), after which levers hold their last values and
 * demand keeps its trend growth. A window starting elsewhere or running past 2030 still runs —
 * a researcher may want exactly that — but the reader is told, in the CLI's summary, the batch
 * commands' notes and the page's messages.
 */
import { parseMonth } from './dates.ts';
import { text, type Text } from './labels.ts';

/** The month the model's initial state is calibrated for. */
export const CALIBRATED_START = '2020-01';
/** The last month of the default lever paths' plans. */
export const PLANS_END = '2030-12';

/** Notes on a time window outside the one the model is built for (none for 2020-01 … up to 2030-12). */
export function horizonNotes(time: { start: string; end: string }): Text[] {
  const notes: Text[] = [];
  const start = parseMonth(time.start);
  const calibrated = parseMonth(CALIBRATED_START);
  if (start !== calibrated) {
    // (before the record starts, the default paths hold their first values: no history is replayed)
    const early = start < calibrated;
    const levers = early
      ? text(`, and the default lever paths hold their ${CALIBRATED_START} values until then`, `，默认政策路径在此之前保持${CALIBRATED_START}的取值`)
      : text(`, only its levers being those of ${time.start}`, `，只是政策杠杆取${time.start}的值`);
    notes.push(text(
      `the run starts in ${time.start}, ${early ? 'before' : 'after'} the month the model is calibrated for (${CALIBRATED_START}): its first month is Yiwu as of late 2019 all the same (its trade, merchants and digital adoption)${levers.en}; read it as that world moved in time, not as Yiwu in ${time.start.slice(0, 4)}`,
      `运行始于${time.start}，${early ? '早于' : '晚于'}模型校准的起始月份（${CALIBRATED_START}）：其首月仍是2019年末的义乌（贸易、商户与数字化水平）${levers.zh}；应理解为把那个世界平移到该时间，而非${time.start.slice(0, 4)}年的义乌`,
    ));
  }
  if (parseMonth(time.end) > parseMonth(PLANS_END)) {
    notes.push(text(
      `the run goes past ${PLANS_END}, where the default lever paths end: after it levers hold their last values and demand keeps its trend growth, so read the later years as ${PLANS_END.slice(0, 4)}'s settings carried forward, not as a forecast`,
      `运行超过${PLANS_END}，默认政策路径到此为止：此后杠杆保持最后的取值，需求按趋势增长；之后的年份应理解为${PLANS_END.slice(0, 4)}年设置的延续，而非预测`,
    ));
  }
  return notes;
}
