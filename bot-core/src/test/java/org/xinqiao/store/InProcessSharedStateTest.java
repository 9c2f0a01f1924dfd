package org.xinqiao.store;

class InProcessSharedStateTest extends SharedStateContract {

  @Override
  SharedState newState() {
    return new InProcessSharedState();
  }
}
