/**
 * What a run's time window means for its results. The model's first month is Yiwu as calibrated
 * for January 2020 (late-2019 trade, merchants and digital adoption: sim/world/init.ts and the fit
 * in scenarios/calibration), whatever month the run starts in; the default lever paths are the
 * record to 2024 and plans to 2030 (world-data.ts), after which levers hold their last values and
 * demand keeps its trend growth. A window starting elsewhere or running past 2030 still runs —
 * a researcher may want exactly that — but the reader is told, in the CLI's summary, the batch
 * commands' notes and manifests, and beside the page's cards.
 */
import { parseMonth } from './dates.ts';
import { text, type Text } from './labels.ts';

/** The month the model's initial state is calibrated for. */
export const CALIBRATED_START = '2020-01';
/** The last month of the default lever paths' plans. */
export const PLANS_END = '2030-12';

/** A month as the reader sees it ("2023-01" in files and the CLI; the page writes "Jan 2023", "2023年1月"). */
export type MonthWriter = (month: string, lang: 'en' | 'zh') => string;

/**
 * Notes on a time window outside the one the model is built for (none for 2020-01 … up to
 * 2030-12): sentences without their final full stop, in English and Chinese.
 */
export function horizonNotes(time: { start: string; end: string }, month: MonthWriter = (m) => m): Text[] {
  const notes: Text[] = [];
  const start = parseMonth(time.start);
  const calibrated = parseMonth(CALIBRATED_START);
  const year = time.start.slice(0, 4);
  const both = (m: string) => ({ en: month(m, 'en'), zh: month(m, 'zh') });
  const [from, fit, plansEnd] = [both(time.start), both(CALIBRATED_START), both(PLANS_END)];
  if (start < calibrated) {
    // (before the record starts, the default paths hold their first values: no history is replayed)
    notes.push(text(
      `the run starts in ${from.en}, before the month the model is calibrated for (${fit.en}): its first month is still Yiwu as of late 2019 (trade, merchants, digital adoption), and the default lever paths hold their ${fit.en} values until then; read it as that world moved back in time, not as Yiwu in ${year}`,
      `运行始于${from.zh}，早于模型校准的起始月份（${fit.zh}）：其首月仍是2019年末的义乌（贸易、商户与数字化水平），默认政策路径在此之前保持${fit.zh}的取值；应理解为把那个世界移到更早的时间，而非${year}年的义乌`,
    ));
  } else if (start > calibrated) {
    notes.push(text(
      `the run starts in ${from.en}, after the month the model is calibrated for (${fit.en}): its first month is still Yiwu as of late 2019 (trade, merchants, digital adoption), with the levers of ${from.en}; read it as that world moved forward in time, not as Yiwu in ${year}`,
      `运行始于${from.zh}，晚于模型校准的起始月份（${fit.zh}）：其首月仍是2019年末的义乌（贸易、商户与数字化水平），只是政策杠杆取${from.zh}的值；应理解为把那个世界移到更晚的时间，而非${year}年的义乌`,
    ));
  }
  if (parseMonth(time.end) > parseMonth(PLANS_END)) {
    notes.push(text(
      `the run goes past ${plansEnd.en}, where the default lever paths end: after it levers hold their last values and demand keeps its trend growth, so read the later years as ${PLANS_END.slice(0, 4)}'s settings carried forward, not as a forecast`,
      `运行超过${plansEnd.zh}，默认政策路径到此为止：此后杠杆保持最后的取值，需求按趋势增长；之后的年份应理解为${PLANS_END.slice(0, 4)}年设置的延续，而非预测`,
    ));
  }
  return notes;
}
