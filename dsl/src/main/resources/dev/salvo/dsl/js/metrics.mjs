// The 'salvo/metrics' module: custom metrics. Definitions and samples go to the Java registry.
const host = globalThis.__salvo;

class Metric {
  constructor(name, type, isTime) {
    const problem = host.defineMetric(String(name), type, Boolean(isTime));
    if (problem !== null) throw new TypeError(problem);
    this.name = String(name);
    this.type = type;
  }

  add(value, tags) {
    host.addSample(this.name, Number(value), tags ? JSON.stringify(tags) : null);
  }
}

export class Counter extends Metric {
  constructor(name) {
    super(name, 'counter', false);
  }
}

export class Gauge extends Metric {
  constructor(name) {
    super(name, 'gauge', false);
  }
}

export class Rate extends Metric {
  constructor(name) {
    super(name, 'rate', false);
  }

  add(value, tags) {
    host.addSample(this.name, value ? 1 : 0, tags ? JSON.stringify(tags) : null);
  }
}

export class Trend extends Metric {
  constructor(name, isTime) {
    super(name, 'trend', isTime);
  }
}

export default { Counter, Gauge, Rate, Trend };
