// The 'salvo/metrics' module: custom metrics. Definitions and samples go to the Java registry.
const { host, scriptError, guarded } = __salvoHost('@SALVO_BRIDGE_TOKEN@');

function sample(name, value, tags) {
  try {
    host.addSample(name, value, tags ? JSON.stringify(tags) : null);
  } catch (e) {
    throw scriptError(e);
  }
}

class Metric {
  constructor(name, type, isTime) {
    const problem = guarded(() => host.defineMetric(String(name), type, Boolean(isTime)));
    if (problem !== null) throw new TypeError(problem);
    this.name = String(name);
    this.type = type;
  }

  add(value, tags) {
    sample(this.name, Number(value), tags);
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
    sample(this.name, value ? 1 : 0, tags);
  }
}

export class Trend extends Metric {
  constructor(name, isTime) {
    super(name, 'trend', isTime);
  }
}

export default { Counter, Gauge, Rate, Trend };
