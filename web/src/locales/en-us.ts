// English messages; typed by LocaleSchema, so a key missing here fails vue-tsc.
import type { LocaleSchema } from './zh-cn';

const enUS: LocaleSchema = {
  app: {
    name: 'qiangqu',
    fullName: '强区 qiangqu',
    subtitle: 'Industrial-strong district'
  },
  menu: {
    overview: 'Overview',
    clusters: 'Clusters',
    chains: 'Chains',
    projects: 'Projects',
    enterprises: 'Enterprises',
    ladder: 'Ladder',
    services: 'Services',
    attraction: 'Attraction',
    parks: 'Parks',
    documents: 'Documents',
    settings: 'Settings'
  },
  header: {
    region: 'Region',
    regionPlaceholder: 'Pick or search a county',
    regionsWithPlans: 'Regions with plans',
    searchResults: 'Search results',
    language: 'Language',
    switchTo: '中文',
    logout: 'Log out'
  },
  role: {
    admin: 'Administrator',
    analyst: 'Analyst',
    chain_chief: 'Chain chief',
    liaison: 'Enterprise liaison',
    viewer: 'Viewer'
  },
  login: {
    title: 'Log in',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password'
  },
  error: {
    unauthenticated: 'Your session has ended; please log in again',
    forbidden: 'You are not allowed to do this',
    out_of_scope: 'The chosen region is outside your scope',
    not_found: 'Not found',
    bad_request: 'The request was not valid',
    bad_credentials: 'Wrong username or password',
    account_locked: 'Account locked after 5 failed logins; try again in 15 minutes',
    csrf_failed: 'Security check failed; reload the page and try again',
    conflict: 'The data changed meanwhile; reload and try again',
    internal: 'Internal server error',
    network: 'Cannot reach the server',
    loadFailed: 'Loading failed'
  },
  common: {
    empty: 'No data',
    loading: 'Loading…',
    yes: 'Yes',
    no: 'No',
    search: 'Search',
    all: 'All',
    retry: 'Retry',
    noRegion: 'No region chosen',
    showData: 'Show the data table',
    total: '{n} in all'
  },
  unit: {
    yi: 'bn yuan',
    wan: '10k yuan',
    firms: 'firms',
    projects: 'projects'
  },
  overview: {
    title: 'Overview',
    latestMonth: 'Data up to',
    noData: 'No monthly data for this region',
    kpiFirms: 'Above-scale firms',
    kpiOutputYtd: 'Above-scale industrial output (months 1–{n}, cumulative)',
    kpiOutputYtdNoMonth: 'Above-scale industrial output (cumulative)',
    kpiRevenueYtd: 'Operating revenue (months 1–{n}, cumulative)',
    kpiRevenueYtdNoMonth: 'Operating revenue (cumulative)',
    kpiProjects: 'Projects',
    kpiProjectsInvestment: 'Total investment',
    yoy: 'YoY',
    clustersTitle: 'Clusters against their targets',
    clusterName: 'Cluster',
    clusterTier: 'Tier',
    clusterMetric: 'Metric',
    clusterYear: 'Year',
    clusterValue: 'Actual (bn yuan)',
    clusterYoy: 'YoY',
    clusterTarget: 'Target (bn yuan)',
    clusterDeadline: 'Deadline',
    clusterProgress: 'Progress',
    noClusters: 'This region has no clusters',
    monthlyTitle: 'Monthly above-scale industrial output',
    monthlyOutput: 'Output of the month (bn yuan)',
    monthlyYoy: 'YoY of the month (%)',
    monthlyOutputCum: 'Cumulative output (bn yuan)',
    monthlyYoyCum: 'Cumulative YoY (%)',
    month: 'Month',
    stageTitle: 'Projects by stage',
    stage: 'Stage',
    stageCount: 'Projects',
    stageInvestment: 'Total investment (bn yuan)'
  },
  enterprises: {
    title: 'Enterprises',
    searchPlaceholder: 'Name or unified social credit code',
    uscc: 'Unified social credit code',
    name: 'Name',
    town: 'Town',
    industry: 'Industry',
    founded: 'Founded',
    capital: 'Registered capital (10k yuan)',
    aboveScale: 'Above scale'
  },
  projects: {
    title: 'Projects',
    stageFilter: 'Stage',
    name: 'Project',
    level: 'Level',
    stage: 'Stage',
    investment: 'Total investment (bn yuan)',
    plannedStart: 'Planned start',
    actualStart: 'Actual start',
    plannedProduction: 'Planned production',
    actualProduction: 'Actual production'
  },
  clusters: {
    title: 'Clusters',
    framework: 'Framework',
    period: 'Period',
    source: 'Source',
    region: 'Region',
    cluster: 'Cluster',
    tier: 'Tier',
    role: 'Role',
    chains: 'Member chains',
    industryCodes: 'Industry codes',
    targets: 'Targets',
    noPlans: 'This region has no industrial plan',
    otherTargets: 'Region and chain targets',
    subject: 'Subject',
    metric: 'Metric',
    value: 'Target',
    deadline: 'Deadline',
    perYear: 'per year',
    subjectKind: {
      region: 'Region',
      cluster: 'Cluster',
      chain: 'Chain'
    }
  },
  chains: {
    title: 'Chains',
    list: 'Chain templates',
    linkCount: '{n} links',
    pick: 'Pick a chain on the left',
    links: 'Links',
    position: 'Position',
    keywords: 'Keywords',
    industryCodes: 'Industry codes',
    tagging: 'Firms tagged',
    upstream: 'Upstream',
    midstream: 'Midstream',
    downstream: 'Downstream'
  },
  placeholder: {
    notBuilt: 'This area is not built yet.'
  },
  enums: {
    stage: {
      planning: 'Planning',
      signed: 'Signed',
      started: 'Started',
      construction: 'Under construction',
      trial: 'Trial production',
      production: 'In production',
      capacity: 'At full capacity',
      paused: 'Paused',
      terminated: 'Terminated'
    },
    level: {
      provinceMajor: 'Provincial major',
      provinceSelected: 'Provincial selected',
      provinceKey: 'Provincial key',
      cityKey: 'City key',
      districtKey: 'District key'
    },
    tier: {
      hundredBillion: '100-bn tier',
      tenBillion: '10-bn tier'
    },
    role: {
      leading: 'Leading',
      emerging: 'Emerging',
      traditional: 'Traditional'
    },
    position: {
      upstream: 'Upstream',
      midstream: 'Midstream',
      downstream: 'Downstream'
    },
    metric: {
      output: 'Above-scale industrial output',
      revenue: 'Operating revenue',
      profit: 'Profit',
      tax: 'Tax',
      employment: 'Employment',
      rnd: 'R&D spending',
      energy: 'Energy use',
      investment: 'Investment'
    }
  }
};

export default enUS;
