'use strict';

const { EventEmitter } = require('events');

/**
 * A queue that emits when drained.
 */
class Queue extends EventEmitter {
  constructor(limit = 10) {
    super();
    this.items = [];
    this.limit = limit;
  }

  // Adds an item; returns false when full.
  push(item) {
    if (this.items.length >= this.limit) return false;
    this.items.push(item);
    return true;
  }

  async *drain() {
    while (this.items.length) yield this.items.shift();
    this.emit(`drained ${this.limit}`);
  }
}

const api = {
  make: (n) => new Queue(n),
  size(q) { return q.items.length; },
  'quoted key': function () { return /re[gex]+/g.test('x'); },
};

Queue.prototype.peek = function () {
  return this.items[0];
};

module.exports.api = api;
