package org.xinqiao.kb;
