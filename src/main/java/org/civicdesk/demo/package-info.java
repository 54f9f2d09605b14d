/**
 * 演示城市 — the demo city: Zhuzhou as its daily paper of 28 February 2023 describes it, loaded into an
 * empty database through each module's public commands, so that no workflow exists twice. Every
 * record the paper only counts is generated and marked as an example (示例).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city")
package org.civicdesk.demo;
