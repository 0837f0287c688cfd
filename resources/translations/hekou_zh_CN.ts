<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="67" />
        <source>Hekou — outfall ledger</source>
        <translation>河口 — 排污口台账</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="72" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="73" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="74" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="75" />
        <source>Town / village</source>
        <translation>镇（街道）/村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="76" />
        <source>Water body</source>
        <translation>受纳水体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="77" />
        <source>Into</source>
        <translation>入江/入海/入河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="78" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="79" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="80" />
        <source>Route</source>
        <translation>整治方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="81" />
        <source>Responsible party</source>
        <translation>责任主体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="88" />
        <source>Search code, name, water body, town, village or responsible party</source>
        <translation>搜索编码、名称、受纳水体、镇、村或责任主体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="105" />
        <source>All counties</source>
        <translation>全部县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="106" />
        <source>All basins</source>
        <translation>全部流域</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="107" />
        <source>Yangtze / sea / river</source>
        <translation>入江/入海/入河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="108" />
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="109" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="110" />
        <source>All routes</source>
        <translation>全部整治方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="123" />
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="149" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="156" />
        <source>Apply step</source>
        <translation>执行</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/main_window.py" line="209" />
        <source>%n outfall(s)</source>
        <translation>
            <numerusform>共 %n 个排污口</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="247" />
        <source>No further step</source>
        <translation>无后续步骤</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="282" />
        <location filename="../../fieldapp/ui/main_window.py" line="338" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="291" />
        <source>Someone changed this outfall after you opened it. Close the editor, look at the new version and edit again.</source>
        <translation>打开编辑后，该排污口已被他人修改。请关闭编辑窗口，查看最新内容后再编辑。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="311" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="311" />
        <source>Why is this step taken?</source>
        <translation>请说明原因：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="341" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>OutfallDetail</name>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="22" />
        <source>Select an outfall to see it here.</source>
        <translation>请在左侧选择一个排污口。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="27" />
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="33" />
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="37" />
        <source>legacy: %1</source>
        <translation>原分类：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="38" />
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="44" />
        <source>National code</source>
        <translation>国家编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="45" />
        <source>Local code</source>
        <translation>地方编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="46" />
        <source>Provisional code</source>
        <translation>临时编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="47" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="48" />
        <source>Into</source>
        <translation>入江/入海/入河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="49" />
        <source>Basin</source>
        <translation>所属流域</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="50" />
        <source>Water body</source>
        <translation>受纳水体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="51" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="52" />
        <source>Town and village</source>
        <translation>镇（街道）、村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="53" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="54" />
        <source>Responsible party</source>
        <translation>责任主体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="55" />
        <source>Discharging units</source>
        <translation>排污单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="57" />
        <source>Discharge channel</source>
        <translation>排污通道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="60" />
        <source>Regime</source>
        <translation>管理方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="61" />
        <source>Sea-outfall tier</source>
        <translation>入海排污口分级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="62" />
        <source>Remediation route</source>
        <translation>整治方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="63" />
        <source>Lifecycle state</source>
        <translation>工作状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="64" />
        <source>Sign</source>
        <translation>标志牌</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="65" />
        <source>Sampling point</source>
        <translation>采样点/检查井</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="66" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="67" />
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="86" />
        <source>Lifecycle history</source>
        <translation>工作进程记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="87" />
        <source>Edits</source>
        <translation>修改记录</translation>
    </message>
</context>
<context>
    <name>OutfallEditDialog</name>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="50" />
        <source>Edit outfall %1</source>
        <translation>编辑排污口 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="89" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="90" />
        <source>National code</source>
        <translation>国家编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="91" />
        <source>Local code</source>
        <translation>地方编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="92" />
        <source>Provisional code</source>
        <translation>临时编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="94" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="95" />
        <source>Sub-type</source>
        <translation>子类</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="99" />
        <source>Legacy Nantong type</source>
        <translation>原南通分类</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="100" />
        <source>Into</source>
        <translation>入江/入海/入河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="101" />
        <source>Basin</source>
        <translation>所属流域</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="102" />
        <source>Water body</source>
        <translation>受纳水体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="103" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="104" />
        <source>Town</source>
        <translation>镇（街道）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="105" />
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="106" />
        <source>Latitude (°)</source>
        <translation>纬度（°）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="107" />
        <source>Longitude (°)</source>
        <translation>经度（°）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="110" />
        <source>Accuracy (m)</source>
        <translation>精度（米）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="115" />
        <source>Position source</source>
        <translation>位置来源</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="123" />
        <source>Unknown (to be traced)</source>
        <translation>不明（待溯源）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="131" />
        <source>Responsible party</source>
        <translation>责任主体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="134" />
        <source>One discharging unit per line</source>
        <translation>每行一个排污单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="137" />
        <source>Discharging units</source>
        <translation>排污单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="138" />
        <source>Discharge channel</source>
        <translation>排污通道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="139" />
        <source>Channel details</source>
        <translation>通道说明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="140" />
        <source>Regime</source>
        <translation>管理方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="141" />
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="142" />
        <source>Document date (YYYY-MM-DD)</source>
        <translation>日期（年-月-日）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="143" />
        <source>Sea-outfall tier</source>
        <translation>入海排污口分级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="146" />
        <source>Remediation route</source>
        <translation>整治方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="153" />
        <source>Merges into (code)</source>
        <translation>并入排污口（编码）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="156" />
        <source>Sign</source>
        <translation>标志牌</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="159" />
        <source>Sampling point</source>
        <translation>采样点/检查井</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="168" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="178" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="179" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="300" />
        <source>Not saved. Please correct:</source>
        <translation>未保存，请修改以下问题：</translation>
    </message>
</context>
</TS>