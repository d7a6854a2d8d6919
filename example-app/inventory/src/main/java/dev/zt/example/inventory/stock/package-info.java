/** The inventory service's beans; strict, like the orders service (the servlet sits outside: see orders). */
@GuardedPackage(strict = true)
package dev.zt.example.inventory.stock;

import dev.zt.cdi.GuardedPackage;
