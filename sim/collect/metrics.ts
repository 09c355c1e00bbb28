/**
 * The named metrics a run records, each month, at Yiwu scale (money and counts are multiplied
 * by 1 / scale; shares, days and rates are not). Charts, CSV files and tests refer to metrics
 * by these ids, which are interfaces: they keep their meaning and are only ever added to.
 * A ratio whose denominator is zero in a month (no credit applications, no exports, no
 * exporters — it happens in small runs) has no value that month: NaN, which the CSV files leave
 * out and every statistic skips, rather than a 0 that would read as "none rejected".
 */
import type { World } from '../world/world.ts';
import type { Text } from '../schema/labels.ts';
import { text } from '../schema/labels.ts';
import { CHANNELS, STAGES, MODES, DIGITAL_LEVELS, EXIT_REASONS, CHANNEL_COUNT, HALL, B2B, CBEC } from '../ids.ts';
import type { Dimension } from './recorder.ts';
import { SeriesTable } from './recorder.ts';
import type { MonthSummary } from './summary.ts';
import { creditSupply } from '../mechanisms/finance.ts';
import { pow } from '../portableMath.ts';

export interface MetricInfo {
  id: string;
  label: Text;
  unit: Text;
  description: Text;
  /** Breakdowns recorded besides the total ('' = the total is recorded). */
  breakdowns: Array<Breakdown>;
  /**
   * What a month's figure is, which the unit alone does not say ("US$" is both a flow and a
   * stock): a total over the month (trade, credit approved: months add up to a year), a level
   * (merchants alive at the month's end, exporters in the month, loans outstanding: never
   * added up), or a rate or average in the month (shares, ratios, prices, days).
   */
  period: MetricPeriod;
}
export type MetricPeriod = 'total over the month' | 'level, not summed' | 'rate or average in the month';

/** '' = the total; a dimension; or region×channel (index = region * CHANNEL_COUNT + channel). */
export type Breakdown = Dimension | '' | 'region×channel';

type Value = (w: World, m: MonthSummary, index: number) => number;

interface Collector extends Omit<MetricInfo, 'period'> {
  /** Value for the total ('') or the element `index` of a breakdown; in sample units. */
  value: Partial<Record<Breakdown, Value>>;
  /** True for money and counts (reported × 1/scale). */
  scaled: boolean;
  /** True for a ratio: no value (NaN) in a month whose denominator is zero. */
  ratio: boolean;
  /** True for a level at the end of (or in) the month, not an amount that accrues over it (merchants alive, debt). */
  stock: boolean;
}

const usd = text('US$', '美元');
/** The digital levels (ids.ts DIGITAL_LEVELS) in words, as the charts' legends name them. */
const LEVEL_WORDS = [text('offline', '线下'), text('B2B platform', 'B2B平台'), text('cross-border e-commerce', '跨境电商'), text('data-driven (cloud/AI)', '数据驱动')];
const share = text('share', '比例');
const count = text('count', '个数');
const days = text('days', '天');

const regionIds = (w: World) => w.scenario.regions.map((r) => r.id);
const categoryIds = (w: World) => w.scenario.categories.map((c) => c.id);

/** What a figure is, where it is not an amount over the month: a ratio, or a stock. */
type Nature = 'amount' | 'ratio' | 'stock';
function c(id: string, label: Text, unit: Text, description: Text, scaled: boolean, value: Collector['value'], nature: Nature = 'amount'): Collector {
  return { id, label, unit, description, scaled, value, ratio: nature === 'ratio', stock: nature === 'stock', breakdowns: Object.keys(value) as Breakdown[] };
}

/** c's last argument for a ratio (no value in a month whose denominator is zero). */
const RATIO: Nature = 'ratio';
/** c's last argument for a level at the end of (or in) the month. */
const STOCK: Nature = 'stock';

const foreignRegion = (w: World, r: number) => !w.scenario.regions[r].domestic;

export const COLLECTORS: Collector[] = [
  // ---- trade
  c('trade_value_usd', text('Exports', '出口额'), usd, text('Goods value shipped from the hub to foreign regions (customs value).', '从枢纽发往境外地区的货值（海关货值）。'), true, {
    '': (_w, m) => m.exports,
    channel: (_w, m, c) => m.exportsByChannel[c],
    region: (w, m, r) => (foreignRegion(w, r) ? m.tradeRC[r * CHANNEL_COUNT] + m.tradeRC[r * CHANNEL_COUNT + 1] + m.tradeRC[r * CHANNEL_COUNT + 2] : Number.NaN),
    category: (_w, m, k) => m.exportsByCategory[k],
  }),
  c('trade_flow_usd', text('Exports by region and channel', '分地区分渠道出口额'), usd, text('Exports to each foreign region through each channel (the flows of the trade-flow view); over channels they sum to trade_value_usd by region.', '经各渠道发往各境外地区的出口额（贸易流向图的数据）；各渠道之和等于分地区出口额。'), true, {
    'region×channel': (w, m, rc) => (foreignRegion(w, Math.floor(rc / CHANNEL_COUNT)) ? m.tradeRC[rc] : Number.NaN),
  }),
  c('digital_trade_value_usd', text('Digital exports', '数字贸易出口额'), usd, text('Exports through the B2B platform and cross-border e-commerce, in total and by region.', '通过B2B平台和跨境电商的出口额，合计及按地区。'), true, {
    '': (_w, m) => m.exportsByChannel[B2B] + m.exportsByChannel[CBEC],
    region: (w, m, r) => (foreignRegion(w, r) ? m.tradeRC[r * CHANNEL_COUNT + B2B] + m.tradeRC[r * CHANNEL_COUNT + CBEC] : Number.NaN),
  }),
  c('domestic_sales_usd', text('Domestic sales', '内销额'), usd, text('Goods value sold to buyers in China.', '售予国内买家的货值。'), true, { '': (_w, m) => m.domestic }),
  c('imports_usd', text('Imports', '进口额'), usd, text('Imports through the hub, taken as data (model.importsUsdBnPerYear, importsGrowth).', '经枢纽的进口额，作为数据输入。'), true, {
    '': (w) => ((w.scenario.model.importsUsdBnPerYear * 1e9) / 12) * w.scenario.scale * pow(1 + w.scenario.model.importsGrowth, w.t / 12),
  }),
  c('total_trade_usd', text('Total foreign trade', '进出口总额'), usd, text('Exports plus imports, as Yiwu Customs reports total trade.', '出口加进口，与义乌海关口径一致。'), true, {
    '': (w, m) => m.exports + ((w.scenario.model.importsUsdBnPerYear * 1e9) / 12) * w.scenario.scale * pow(1 + w.scenario.model.importsGrowth, w.t / 12),
  }),
  c('digital_share_of_exports', text('Digital share of exports', '数字贸易出口占比'), share, text('Share of exports sold through the B2B platform or cross-border e-commerce.', '通过B2B平台或跨境电商出口的比例。'), false, {
    '': (_w, m) => (m.exports > 0 ? (m.exportsByChannel[B2B] + m.exportsByChannel[CBEC]) / m.exports : Number.NaN),
  }, RATIO),
  c('market_procurement_share', text('Market-hall share of exports', '实体市场出口占比'), share, text('Share of exports through the market hall, the model\'s channel (what customs declares as market procurement is market_procurement_regime_share).', '经实体市场出口的比例，即模型中的渠道（海关以市场采购贸易方式申报的口径见 market_procurement_regime_share）。'), false, {
    '': (_w, m) => (m.exports > 0 ? m.exportsByChannel[HALL] / m.exports : Number.NaN),
  }, RATIO),
  c('market_procurement_regime_share', text('Market-procurement share (customs regime)', '市场采购贸易方式占比（海关口径）'), share, text('Share of exports declared under the market-procurement regime (1039): the shares of the market hall\'s and of B2B-platform exports that market merchants declare that way (model.hallDeclaredMarketProcurement, b2bDeclaredMarketProcurement); cross-border e-commerce has its own regimes. What Yiwu Customs reports.', '以市场采购贸易方式（1039）申报的出口比例：市场渠道出口与B2B平台出口中由市场商户以该方式申报的部分（model.hallDeclaredMarketProcurement、b2bDeclaredMarketProcurement）；跨境电商另有监管方式。即义乌海关公布的口径。'), false, {
    '': (w, m) => (m.exports > 0 ? (w.scenario.model.hallDeclaredMarketProcurement * m.exportsByChannel[HALL] + w.scenario.model.b2bDeclaredMarketProcurement * m.exportsByChannel[B2B]) / m.exports : Number.NaN),
  }, RATIO),
  c('hub_market_share', text('Hub\'s share of demand', '枢纽需求份额'), share, text('Share of the region\'s small-commodity spending that goes to the hub.', '地区小商品支出中流向枢纽的比例。'), false, {
    region: (_w, m, r) => m.hubShareByRegion[r],
  }, RATIO),
  c('landed_cost_index', text('Landed cost', '到岸成本'), text('× merchant price', '× 商户价格'), text('What buyers bear per US$ of goods: tariff, freight, fees and the cost of time.', '买家每美元货物承担的成本：关税、运费、费用和时间成本。'), false, {
    region: (_w, m, r) => m.landedByRegion[r],
  }, RATIO),
  // ---- digital adoption
  ...DIGITAL_LEVELS.map((level, l) =>
    c(`adoption_share_${level}`, text(`Share of merchants: ${LEVEL_WORDS[l].en}`, LEVEL_WORDS[l].zh + '商户占比'), share,
      text(`Share of merchants whose highest digital level is ${LEVEL_WORDS[l].en}.`, `最高数字化层级为“${LEVEL_WORDS[l].zh}”的商户比例。`), false, {
        '': (_w, m) => (m.alive > 0 ? m.merchantsByLevel[l] / m.alive : Number.NaN),
      }, RATIO)),
  c('adoption_share_digital', text('Digital merchants', '数字化商户占比'), share, text('Share of merchants selling online (any digital level).', '线上销售的商户比例（任一数字层级）。'), false, {
    '': (_w, m) => (m.alive > 0 ? 1 - m.merchantsByLevel[0] / m.alive : Number.NaN),
  }, RATIO),
  c('digital_adoptions', text('Digital adoptions', '数字化升级'), count, text('Merchants moving up one digital level this month.', '本月升级一个数字层级的商户数。'), true, { '': (w) => w.accounts.adoptions }),
  // ---- merchants
  c('merchants_alive', text('Merchants', '商户数'), count, text('Merchants in business at the end of the month.', '月末在营商户数。'), true, { '': (_w, m) => m.alive }, STOCK),
  c('merchants_by_stage', text('Merchants by stage', '各环节商户数'), count, text('Merchants by value-chain stage.', '按价值链环节划分的商户数。'), true, { stage: (_w, m, g) => m.merchantsByStage[g] }, STOCK),
  ...DIGITAL_LEVELS.map((level, l) =>
    c(`merchants_level_${level}`, text(`Merchants ${LEVEL_WORDS[l].en}, by stage`, `${LEVEL_WORDS[l].zh}商户数（按环节）`), count,
      text(`Merchants whose highest digital level is ${LEVEL_WORDS[l].en}, by value-chain stage.`, `最高数字化层级为“${LEVEL_WORDS[l].zh}”的商户数，按价值链环节。`), true, {
        stage: (_w, m, g) => m.merchantsByLevelStage[l * STAGES.length + g],
      }, STOCK)),
  c('exporters', text('Exporters', '出口商户数'), count, text('Merchants with export sales this month and still in business at its end (counted after the month\'s exits).', '本月有出口销售且月末仍在经营的商户数（在本月退出之后计数）。'), true, { '': (_w, m) => m.exporters }, STOCK),
  c('destinations_per_exporter', text('Destinations per exporter', '出口商户平均目的地数'), count, text('Foreign regions an exporter serves at the end of the month (its market-hall relationships and online markets, after the month\'s lapses and entries), on average.', '出口商户月末服务的境外地区数（实体市场客户关系与线上市场，计入当月的流失与新进入），取平均。'), false, {
    '': (_w, m) => (m.exporters > 0 ? m.destinationsOfExporters / m.exporters : Number.NaN),
  }, RATIO),
  c('entries', text('Entries', '新进入商户'), count, text('New merchants this month.', '本月新进入的商户数。'), true, { '': (w) => w.accounts.entries }),
  c('exits', text('Exits', '退出商户'), count, text('Merchants closing this month.', '本月退出的商户数。'), true, {
    '': (w) => w.accounts.exitsByReason.reduce((a, b) => a + b, 0),
  }),
  ...EXIT_REASONS.slice(1).map((reason, j) =>
    c(`exits_${reason}`, text(`Exits: ${reason.replace(/_/g, ' ')}`, `退出：${['融资受限', '资不抵债', '持续亏损', '自然退出'][j]}`), count,
      text(`Merchants closing this month, ${reason.replace(/_/g, ' ')}.`, `本月因${['融资受限', '资不抵债', '持续亏损', '自然原因'][j]}退出的商户数。`), true, {
        '': (w) => w.accounts.exitsByReason[j + 1],
      })),
  c('upgrades', text('Value-chain upgrades', '价值链升级'), count, text('Merchants moving to design/R&D or brand this month.', '本月升级到设计研发或品牌环节的商户数。'), true, { '': (w) => w.accounts.upgrades }),
  c('online_market_entries', text('Online market entries', '线上市场进入'), count, text('Foreign regions entered online this month (merchant × region).', '本月线上进入的境外市场数（商户 × 地区）。'), true, { '': (w) => w.accounts.marketEntries }),
  // ---- value chain
  c('value_added_usd', text('Value added', '增加值'), usd, text('Value added by value-chain stage; sums to the value produced.', '按价值链环节划分的增加值；合计等于产出价值。'), true, {
    stage: (w, _m, g) => w.accounts.valueAddedByStage[g],
  }),
  c('sales_by_stage', text('Sales by merchants\' stage', '各环节商户销售额'), usd,
    text('Merchants\' sales (net of refunds), by the value-chain stage the merchants are at; sums to the value produced.', '商户销售额（扣除退款），按商户所处的价值链环节；合计等于产出价值。'), true, {
      stage: (w, _m, g) => w.accounts.salesByMerchantStage[g],
    }),
  c('margin_by_stage', text('Margin by stage', '各环节利润率'), share,
    text('Gross margin on sales (1 − cost ÷ price) of the merchants at each value-chain stage, weighted by their sales: the height of the smile curve (Shih 1992).', '各价值链环节商户的销售毛利率（1 − 成本 ÷ 价格），按销售额加权：即“微笑曲线”的高度（施振荣，1992）。'), false, {
      stage: (w, _m, g) => {
        const sales = w.accounts.salesByMerchantStage[g];
        return sales > 0 ? w.accounts.grossMarginByMerchantStage[g] / sales : Number.NaN;
      },
    }, RATIO),
  c('value_produced_usd', text('Value produced', '产出价值'), usd, text('Merchants\' revenue, net of refunds.', '商户收入（扣除退款）。'), true, { '': (w) => w.accounts.merchantRevenue }),
  // ---- logistics and customs
  c('logistics_cost_usd_per_kg', text('Freight rate', '运价'), text('US$ per kg', '美元/千克'), text('Average freight paid per kg, by mode.', '各运输方式平均每千克运费。'), false, {
    mode: (w, _m, i) => (w.accounts.kgByMode[i] > 0 ? w.accounts.freightByMode[i] / w.accounts.kgByMode[i] : Number.NaN),
  }, RATIO),
  c('transit_days', text('Transit time', '运输时间'), days, text('Average transit days of exports, by mode: from the hub\'s terminal to the destination (customs clearance not included: see clearance_days).', '各运输方式出口平均运输天数：从枢纽货站到目的地（不含通关时间，见 clearance_days）。'), false, {
    mode: (_w, m, i) => (m.transitByMode[i] > 0 ? m.transitByMode[i] : Number.NaN),
  }, RATIO),
  c('freight_usd', text('Freight paid', '运费支出'), usd, text('Freight paid by buyers, by mode.', '买家支付的运费，按运输方式。'), true, {
    '': (w) => w.accounts.freight,
    mode: (w, _m, i) => w.accounts.freightByMode[i],
  }),
  c('shipments', text('Shipments', '发运批次'), count, text('Containers, consignments and parcels, by mode.', '集装箱、货运批次和包裹数，按运输方式。'), true, { mode: (w, _m, i) => w.accounts.shipmentsByMode[i] }),
  c('volume_kg', text('Freight volume', '货运量'), text('kg', '千克'), text('Weight shipped, by mode.', '发运重量，按运输方式。'), true, { mode: (w, _m, i) => w.accounts.kgByMode[i] }),
  c('capacity_utilisation', text('Capacity utilisation', '运力利用率'), text('ratio to capacity', '与运力之比'), text('Booked volume ÷ capacity this month, by mode; above 1 when booked beyond capacity (its smoothed value over recent months drives congestion pricing).', '本月订舱量 ÷ 运力，按运输方式；超订时大于1（其近几个月的平滑值决定拥堵定价）。'), false, {
    mode: (w, _m, i) => {
      const p = w.providers;
      let cap = 0;
      let vol = 0;
      for (let j = 0; j < p.count; j++) if (p.mode[j] === i) { cap += p.capacity[j]; vol += p.volumeKg[j]; }
      return cap > 0 ? vol / cap : Number.NaN;
    },
  }, RATIO),
  c('clearance_days', text('Customs clearance', '通关时间'), days, text('Export and import clearance days, value-weighted, by channel.', '出口与进口通关天数（按货值加权），按渠道。'), false, {
    channel: (_w, m, i) => m.clearanceByChannel[i],
  }, RATIO),
  // ---- credit
  c('credit_applied_usd', text('Credit applied for', '信贷申请额'), usd, text('Credit SMEs applied for this month.', '本月中小商户申请的信贷额。'), true, { '': (w) => w.accounts.creditApplied }),
  c('credit_approved_usd', text('Credit approved', '信贷批准额'), usd, text('Credit approved this month.', '本月批准的信贷额。'), true, { '': (w) => w.accounts.creditApproved }),
  c('credit_applications', text('Credit applications', '信贷申请数'), count, text('Applications this month.', '本月申请笔数。'), true, { '': (w) => w.accounts.creditApplications }),
  c('credit_approvals', text('Credit approvals', '信贷批准数'), count, text('Applications approved this month.', '本月批准笔数。'), true, { '': (w) => w.accounts.creditApprovals }),
  c('credit_rejection_rate', text('SME credit rejection', '中小企业信贷拒绝率'), share, text('Share of applications rejected this month.', '本月被拒申请的比例。'), false, {
    '': (w) => (w.accounts.creditApplications > 0 ? 1 - w.accounts.creditApprovals / w.accounts.creditApplications : Number.NaN),
  }, RATIO),
  c('credit_supply_usd', text('Credit supply', '信贷供给'), usd, text('Lending available this month.', '本月可贷资金。'), true, { '': (w) => creditSupply(w) }),
  c('loans_outstanding_usd', text('Loans outstanding', '贷款余额'), usd, text('Merchants\' debt at the end of the month.', '月末商户负债余额。'), true, { '': (_w, m) => m.debt }, STOCK),
  c('loan_writeoffs_usd', text('Loan write-offs', '贷款核销'), usd, text('Debt written off when merchants exit.', '商户退出时核销的债务。'), true, { '': (w) => w.accounts.loanWriteOffs }),
  // ---- money flows
  c('buyer_payments_usd', text('Buyers\' payments', '买家支付'), usd, text('What buyers pay for goods from the hub, including tariff, freight and fees, net of refunds.', '买家为枢纽商品支付的总额，含关税、运费和费用，扣除退款。'), true, { '': (w) => w.accounts.buyerPayments }),
  c('merchant_revenue_usd', text('Merchants\' revenue', '商户收入'), usd, text('Merchants\' revenue net of refunds.', '商户收入（扣除退款）。'), true, { '': (w) => w.accounts.merchantRevenue }),
  c('tariff_revenue_usd', text('Tariff revenue', '关税收入'), usd, text('Tariffs collected by destination regions on goods from the hub.', '目的地对枢纽商品征收的关税。'), true, {
    '': (w) => w.accounts.tariffs,
    region: (w, _m, r) => w.accounts.tariffsByRegion[r],
  }),
  c('fees_usd', text('Fees', '费用'), usd, text('Platform, agent, customs and data-compliance fees, by channel.', '平台、代理、报关和数据合规费用，按渠道。'), true, {
    '': (w) => w.accounts.fees,
    channel: (w, _m, i) => w.accounts.feesByChannel[i],
  }),
  c('fraud_losses_usd', text('Fraud losses', '欺诈损失'), usd, text('Buyers\' losses to fraud not refunded, by channel.', '买家未获退款的欺诈损失，按渠道。'), true, {
    '': (w) => w.accounts.fraudLosses,
    channel: (w, _m, i) => w.accounts.fraudByChannel[i],
  }),
  c('refunds_usd', text('Refunds', '退款'), usd, text('Fraud losses refunded under consumer protection.', '消费者保护下退还的欺诈损失。'), true, { '': (w) => w.accounts.refunds }),
  c('buyer_trust_online', text('Buyers\' online trust', '买家线上信任度'), share, text('Buyers\' trust in buying online from the hub, by region.', '买家对从枢纽线上购买的信任度，按地区。'), false, {
    region: (_w, m, r) => m.trustByRegion[r],
  }, RATIO),
];

const DIMENSION_IDS: Record<Dimension, (w: World) => readonly string[]> = {
  region: regionIds,
  channel: () => CHANNELS,
  stage: () => STAGES,
  category: categoryIds,
  mode: () => MODES,
};

interface Binding {
  id: number;
  value: Value;
  index: number;
  scale: number;
}

/** Registers every metric's series in `table`; returns a function recording month t. */
export function bindCollectors(w: World, table: SeriesTable): (m: MonthSummary) => void {
  const bindings: Binding[] = [];
  for (const col of COLLECTORS) {
    const scale = col.scaled ? w.expansion : 1;
    for (const dim of col.breakdowns) {
      const value = col.value[dim]!;
      if (dim === '') {
        bindings.push({ id: table.register(col.id), value, index: 0, scale });
        continue;
      }
      if (dim === 'region×channel') {
        w.scenario.regions.forEach((region, r) => {
          if (region.domestic) return;
          CHANNELS.forEach((channel, c) => bindings.push({ id: table.register(col.id, { region: region.id, channel }), value, index: r * CHANNEL_COUNT + c, scale }));
        });
        continue;
      }
      DIMENSION_IDS[dim](w).forEach((name, index) => {
        if (dim === 'region' && (col.id === 'trade_value_usd' || col.id === 'digital_trade_value_usd') && w.scenario.regions[index].domestic) return;
        bindings.push({ id: table.register(col.id, { [dim]: name }), value, index, scale });
      });
    }
  }
  return (m: MonthSummary) => {
    const t = w.t;
    for (const b of bindings) table.values[b.id][t] = b.value(w, m, b.index) * b.scale;
  };
}

const periodOf = (x: Collector): MetricPeriod => (x.stock ? 'level, not summed' : x.scaled ? 'total over the month' : 'rate or average in the month');

/** Money and counts that accrue over a month (every scaled metric but the stocks): read "per month". */
export const PER_MONTH_METRICS: ReadonlySet<string> = new Set(COLLECTORS.filter((x) => periodOf(x) === 'total over the month').map((x) => x.id));
/** Metrics with no value (NaN) in a month whose denominator is zero: ratios, per-mode freight rates and transit with no shipments, and value-weighted averages with nothing to weigh (a channel's clearance days while it ships nothing, e.g. the hall closed). */
export const RATIO_METRICS: ReadonlySet<string> = new Set(COLLECTORS.filter((x) => x.ratio).map((x) => x.id));

export const METRICS: MetricInfo[] = COLLECTORS.map((x) => ({ id: x.id, label: x.label, unit: x.unit, description: x.description, breakdowns: x.breakdowns, period: periodOf(x) }));
