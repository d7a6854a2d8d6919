/**
 * The orders service's beans. Strict: every public business method of a bean here must say which scope
 * it needs ({@code @RequiresScope}) or why it needs none, or the deployment fails (zt-cdi).
 * The servlets sit outside this package: they are not CDI beans, but WildFly's Weld hands them to
 * portable extensions like one, and zt-cdi would list their inherited servlet methods.
 */
@GuardedPackage(strict = true)
package dev.zt.example.orders.service;

import dev.zt.cdi.GuardedPackage;
