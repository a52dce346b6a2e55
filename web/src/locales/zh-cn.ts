// Chinese (default) messages. This object defines LocaleSchema: every other locale must
// have exactly these keys, so a missing or extra key fails the type check.
// vue-i18n syntax: {name} is a placeholder; avoid the special characters @ $ | in texts.

const zhCN = {
  app: {
    name: '强区',
    fullName: '强区 qiangqu',
    subtitle: '工业强区综合平台'
  },
  menu: {
    overview: '总览',
    clusters: '产业集群',
    chains: '产业链',
    projects: '项目库',
    enterprises: '企业库',
    ladder: '培育库',
    services: '企业服务',
    attraction: '招商',
    parks: '园区',
    documents: '文档',
    settings: '设置'
  },
  header: {
    region: '地区',
    regionPlaceholder: '选择或搜索区县',
    regionsWithPlans: '有产业规划的地区',
    searchResults: '搜索结果',
    language: '语言',
    switchTo: 'English',
    logout: '退出登录'
  },
  role: {
    admin: '管理员',
    analyst: '分析员',
    chain_chief: '链长',
    liaison: '企业服务专员',
    viewer: '只读'
  },
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码'
  },
  error: {
    unauthenticated: '登录已失效，请重新登录',
    forbidden: '没有权限执行此操作',
    out_of_scope: '所选地区不在您的权限范围内',
    not_found: '未找到',
    bad_request: '请求有误',
    bad_credentials: '用户名或密码错误',
    account_locked: '账户已锁定：连续 5 次登录失败，请 15 分钟后再试',
    csrf_failed: '安全校验失败，请刷新页面后重试',
    conflict: '数据冲突，请刷新后重试',
    internal: '服务器内部错误',
    network: '无法连接服务器',
    loadFailed: '加载失败'
  },
  common: {
    empty: '暂无数据',
    loading: '加载中…',
    yes: '是',
    no: '否',
    search: '搜索',
    all: '全部',
    retry: '重试',
    noRegion: '尚未选择地区',
    showData: '查看数据表',
    total: '共 {n} 条'
  },
  unit: {
    yi: '亿元',
    wan: '万元',
    firms: '家',
    projects: '个'
  },
  overview: {
    title: '总览',
    latestMonth: '数据截至',
    noData: '该地区暂无月度数据',
    kpiFirms: '规上企业数',
    kpiOutputYtd: '规上工业总产值（1-{n}月累计）',
    kpiOutputYtdNoMonth: '规上工业总产值（累计）',
    kpiRevenueYtd: '营业收入（1-{n}月累计）',
    kpiRevenueYtdNoMonth: '营业收入（累计）',
    kpiProjects: '项目数',
    kpiProjectsInvestment: '总投资',
    yoy: '同比',
    clustersTitle: '产业集群目标进度',
    clusterName: '集群',
    clusterTier: '层级',
    clusterMetric: '指标',
    clusterYear: '年度',
    clusterValue: '实际（亿元）',
    clusterYoy: '同比',
    clusterTarget: '目标（亿元）',
    clusterDeadline: '期限',
    clusterProgress: '完成进度',
    noClusters: '该地区尚无产业集群',
    monthlyTitle: '规上工业总产值月度走势',
    monthlyOutput: '当月产值（亿元）',
    monthlyYoy: '当月同比（%）',
    monthlyOutputCum: '累计产值（亿元）',
    monthlyYoyCum: '累计同比（%）',
    month: '月份',
    stageTitle: '项目阶段分布',
    stage: '阶段',
    stageCount: '项目数',
    stageInvestment: '总投资（亿元）'
  },
  enterprises: {
    title: '企业库',
    searchPlaceholder: '企业名称或统一社会信用代码',
    uscc: '统一社会信用代码',
    name: '企业名称',
    town: '乡镇（街道）',
    industry: '行业',
    founded: '成立日期',
    capital: '注册资本（万元）',
    aboveScale: '规上'
  },
  projects: {
    title: '项目库',
    stageFilter: '项目阶段',
    name: '项目名称',
    level: '级别',
    stage: '阶段',
    investment: '总投资（亿元）',
    plannedStart: '计划开工',
    actualStart: '实际开工',
    plannedProduction: '计划投产',
    actualProduction: '实际投产'
  },
  clusters: {
    title: '产业集群',
    framework: '产业体系',
    period: '规划期',
    source: '来源',
    region: '地区',
    cluster: '集群',
    tier: '层级',
    role: '定位',
    chains: '所含产业链',
    industryCodes: '行业代码',
    targets: '目标',
    noPlans: '该地区尚无产业规划',
    otherTargets: '地区与产业链目标',
    subject: '对象',
    metric: '指标',
    value: '目标值',
    deadline: '期限',
    perYear: '每年',
    subjectKind: {
      region: '地区',
      cluster: '集群',
      chain: '产业链'
    }
  },
  chains: {
    title: '产业链',
    list: '产业链模板',
    linkCount: '{n} 个环节',
    pick: '请在左侧选择一条产业链',
    links: '环节',
    position: '位置',
    keywords: '关键词',
    industryCodes: '行业代码',
    tagging: '参与企业标注',
    upstream: '上游',
    midstream: '中游',
    downstream: '下游'
  },
  placeholder: {
    notBuilt: '本模块尚未建设，将在后续版本提供。'
  },
  // Labels for the Chinese enumerations the API sends; unknown values are shown as sent.
  enums: {
    stage: {
      planning: '谋划',
      signed: '签约',
      started: '开工',
      construction: '在建',
      trial: '试投产',
      production: '投产',
      capacity: '达产',
      paused: '暂停',
      terminated: '终止'
    },
    level: {
      provinceMajor: '省重大',
      provinceSelected: '省优选',
      provinceKey: '省重点',
      cityKey: '市重点',
      districtKey: '区级重点'
    },
    tier: {
      hundredBillion: '千亿级',
      tenBillion: '百亿级'
    },
    role: {
      leading: '主导',
      emerging: '新兴',
      traditional: '传统'
    },
    position: {
      upstream: '上游',
      midstream: '中游',
      downstream: '下游'
    },
    metric: {
      output: '规上工业总产值',
      revenue: '营业收入',
      profit: '利润',
      tax: '税收',
      employment: '用工',
      rnd: '研发投入',
      energy: '能耗',
      investment: '投资'
    }
  }
};

export type LocaleSchema = typeof zhCN;

export default zhCN;
