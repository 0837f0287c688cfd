<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../fieldapp/ui/formatting.py" line="23"/>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/formatting.py" line="24"/>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/formatting.py" line="25"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/formatting.py" line="26"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/formatting.py" line="27"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/formatting.py" line="28"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/formatting.py" line="29"/>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/formatting.py" line="118"/>
        <source>at the same time</source>
        <translation>同一时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/formatting.py" line="120"/>
        <source>%1 earlier</source>
        <translation>早 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/formatting.py" line="122"/>
        <source>%1 later</source>
        <translation>晚 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/formatting.py" line="129"/>
        <source>%1 (%2°)</source>
        <translation>%1（%2°）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="94"/>
        <source>Hekou — outfall ledger</source>
        <translation>河口 — 排污口台账</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="102"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="103"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="104"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="105"/>
        <source>Town / village</source>
        <translation>镇（街道）/村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="106"/>
        <source>Water body</source>
        <translation>受纳水体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="107"/>
        <source>Into</source>
        <translation>入江/入海/入河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="108"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="109"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="110"/>
        <source>Route</source>
        <translation>整治方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="111"/>
        <source>Responsible party</source>
        <translation>责任主体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="118"/>
        <source>Search code, name, water body, town, village or responsible party</source>
        <translation>搜索编码、名称、受纳水体、镇、村或责任主体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="135"/>
        <source>All counties</source>
        <translation>全部县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="136"/>
        <source>All basins</source>
        <translation>全部流域</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="137"/>
        <source>Yangtze / sea / river</source>
        <translation>入江/入海/入河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="138"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="139"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="140"/>
        <source>All routes</source>
        <translation>全部整治方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="155"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="191"/>
        <source>Enter or double-click opens the selected outfall</source>
        <translation>按回车键或双击打开所选排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="199"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="221"/>
        <source>Inspections, decisions and steps of the selected outfall (%1)</source>
        <translation>所选排污口的检查、审核决定和生命周期步骤（%1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="265"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="342"/>
        <source>Case history of this outfall…</source>
        <translation>本排污口案卷…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="345"/>
        <source>Inspections, decisions, steps, tasks and patrol problems, newest first</source>
        <translation>检查、审核决定、步骤、任务和巡河问题，最新的在前</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="358"/>
        <source>My tasks</source>
        <translation>我的任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="312"/>
        <source>Patrol</source>
        <translation>巡河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="313"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="315"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="321"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="322"/>
        <source>Progress</source>
        <translation>考核进度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="323"/>
        <source>Data in/out</source>
        <translation>数据导入导出</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="350"/>
        <source>Supervision</source>
        <translation>监管</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="351"/>
        <source>Review, progress (考核), data in and out</source>
        <translation>审核、考核进度、数据导入导出</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="355"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/main_window.py" line="454"/>
        <source>%n outfall(s)</source>
        <translation>
            <numerusform>共 %n 个排污口</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="499"/>
        <source>No further step</source>
        <translation>无后续步骤</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="627"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="552"/>
        <source>Someone changed this outfall after you opened it. Close the editor, look at the new version and edit again.</source>
        <translation>打开编辑后，该排污口已被他人修改。请关闭编辑窗口，查看最新内容后再编辑。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="202"/>
        <source>Edit the selected outfall (%1)</source>
        <translation>编辑所选排污口（%1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="211"/>
        <source>Choose the lifecycle step to record (none is chosen)</source>
        <translation>选择要记录的工作进程步骤（默认不选）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="213"/>
        <source>Apply step…</source>
        <translation>记录步骤…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="215"/>
        <source>Record the chosen step, after confirming it</source>
        <translation>确认后记录所选步骤</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="218"/>
        <source>History…</source>
        <translation>案卷…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="255"/>
        <source>Search the ledger (%1)</source>
        <translation>搜索台账（%1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="292"/>
        <source>Inspect</source>
        <translation>检查所选</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="295"/>
        <source>Inspect the selected outfall</source>
        <translation>检查所选排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="299"/>
        <source>Nearest</source>
        <translation>附近排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="302"/>
        <source>The outfalls nearest to your position</source>
        <translation>离当前位置最近的排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="306"/>
        <source>New outfall</source>
        <translation>新发现排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="309"/>
        <source>Register a newly found outfall and inspect it</source>
        <translation>登记新发现的排污口并开始检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="326"/>
        <source>New task for the selected outfalls…</source>
        <translation>为所选排口新建任务…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="329"/>
        <source>Assign one task for the outfalls selected in the ledger (supervisors)</source>
        <translation>为台账中选中的排口派发一个任务（主管）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="361"/>
        <source>The tasks assigned to you, overdue first</source>
        <translation>分配给您的任务，逾期的在前</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="499"/>
        <source>— choose a step —</source>
        <translation>— 请选择步骤 —</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="571"/>
        <source>the state before</source>
        <translation>上一个状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="575"/>
        <source>Record the step “%1” for %2 %3?
It moves the outfall from %4 to %5.</source>
        <translation>为 %2 %3 记录步骤“%1”？
排污口将从“%4”变为“%5”。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="586"/>
        <source>Record a lifecycle step</source>
        <translation>记录工作进程步骤</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="592"/>
        <source>Record the step</source>
        <translation>记录步骤</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="593"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="603"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="603"/>
        <source>Why is this step taken?</source>
        <translation>请说明原因：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="630"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>OutfallDetail</name>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="48"/>
        <source>This laptop holds no outfall ledger yet. Choose Sync and sign in to the bureau&apos;s server to get it.</source>
        <translation>本机还没有排污口台账。请点击“同步”，登录单位的服务器获取台账。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="52"/>
        <source>Select an outfall to see it here.</source>
        <translation>请在左侧选择一个排污口。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="59"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="69"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="73"/>
        <source>legacy: %1</source>
        <translation>原分类：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="76"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="82"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="147"/>
        <source>National code</source>
        <translation>国家编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="83"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="148"/>
        <source>Local code</source>
        <translation>地方编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="84"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="149"/>
        <source>Provisional code</source>
        <translation>临时编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="85"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="150"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="86"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="153"/>
        <source>Into</source>
        <translation>入江/入海/入河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="87"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="154"/>
        <source>Basin</source>
        <translation>所属流域</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="88"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="155"/>
        <source>Water body</source>
        <translation>受纳水体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="89"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="156"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="90"/>
        <source>Town and village</source>
        <translation>镇（街道）、村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="91"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="92"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="164"/>
        <source>Responsible party</source>
        <translation>责任主体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="93"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="165"/>
        <source>Discharging units</source>
        <translation>排污单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="95"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="166"/>
        <source>Discharge channel</source>
        <translation>排污通道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="98"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="168"/>
        <source>Regime</source>
        <translation>管理方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="99"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="171"/>
        <source>Sea-outfall tier</source>
        <translation>入海排污口分级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="101"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="172"/>
        <source>Remediation route</source>
        <translation>整治方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="104"/>
        <source>Lifecycle state</source>
        <translation>工作状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="105"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="174"/>
        <source>Sign</source>
        <translation>标志牌</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="106"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="175"/>
        <source>Sampling point</source>
        <translation>采样点/检查井</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="107"/>
        <location filename="../../fieldapp/ui/detail_pane.py" line="176"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="108"/>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="130"/>
        <source>Lifecycle history</source>
        <translation>工作进程记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="131"/>
        <source>Edits</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="146"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="151"/>
        <source>Sub-type</source>
        <translation>子类</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="152"/>
        <source>Legacy Nantong type</source>
        <translation>原南通分类</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="157"/>
        <source>Town</source>
        <translation>镇（街道）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="158"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="159"/>
        <source>Latitude (°)</source>
        <translation>纬度（°）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="160"/>
        <source>Longitude (°)</source>
        <translation>经度（°）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="161"/>
        <source>Accuracy</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="162"/>
        <source>Datum</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="163"/>
        <source>Position source</source>
        <translation>位置来源</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="167"/>
        <source>Channel details</source>
        <translation>通道说明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="169"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="170"/>
        <source>Document date</source>
        <translation>文件日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/detail_pane.py" line="173"/>
        <source>Merges into</source>
        <translation>并入排污口</translation>
    </message>
</context>
<context>
    <name>OutfallEditDialog</name>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="52"/>
        <source>Edit outfall %1</source>
        <translation>编辑排污口 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="91"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="92"/>
        <source>National code</source>
        <translation>国家编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="93"/>
        <source>Local code</source>
        <translation>地方编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="94"/>
        <source>Provisional code</source>
        <translation>临时编码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="96"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="97"/>
        <source>Sub-type</source>
        <translation>子类</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="103"/>
        <source>Legacy Nantong type</source>
        <translation>原南通分类</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="110"/>
        <source>Into</source>
        <translation>入江/入海/入河</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="115"/>
        <source>Basin</source>
        <translation>所属流域</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="116"/>
        <source>Water body</source>
        <translation>受纳水体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="117"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="118"/>
        <source>Town</source>
        <translation>镇（街道）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="119"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="120"/>
        <source>Latitude (°)</source>
        <translation>纬度（°）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="121"/>
        <source>Longitude (°)</source>
        <translation>经度（°）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="124"/>
        <source>Accuracy (m)</source>
        <translation>精度（米）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="129"/>
        <source>Position source</source>
        <translation>位置来源</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="137"/>
        <source>Unknown (to be traced)</source>
        <translation>不明（待溯源）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="145"/>
        <source>Responsible party</source>
        <translation>责任主体</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="148"/>
        <source>One discharging unit per line</source>
        <translation>每行一个排污单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="151"/>
        <source>Discharging units</source>
        <translation>排污单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="154"/>
        <source>Discharge channel</source>
        <translation>排污通道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="159"/>
        <source>Channel details</source>
        <translation>通道说明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="160"/>
        <source>Regime</source>
        <translation>管理方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="161"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="162"/>
        <source>Document date (YYYY-MM-DD)</source>
        <translation>日期（年-月-日）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="163"/>
        <source>Sea-outfall tier</source>
        <translation>入海排污口分级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="166"/>
        <source>Remediation route</source>
        <translation>整治方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="173"/>
        <source>Merges into (code)</source>
        <translation>并入排污口（编码）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="176"/>
        <source>Sign</source>
        <translation>标志牌</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="179"/>
        <source>Sampling point</source>
        <translation>采样点/检查井</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="188"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="199"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="200"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/edit_dialog.py" line="331"/>
        <source>Not saved. Please correct:</source>
        <translation>未保存，请修改以下问题：</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <location filename="../../fieldapp/ui/desk_photos.py" line="95"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/desk_photos.py" line="96"/>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/desk_photos.py" line="89"/>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/desk_photos.py" line="119"/>
        <source>Photos (*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.heif)</source>
        <translation>照片 (*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.heif)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/desk_photos.py" line="135"/>
        <source>%1 is already added.</source>
        <translation>%1 已添加过。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/desk_photos.py" line="149"/>
        <source>%1 was not added: %2</source>
        <translation>%1 未添加：%2</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../fieldapp/ui/photo_viewer.py" line="75"/>
        <source>◀ Previous</source>
        <translation>◀ 上一张</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_viewer.py" line="76"/>
        <source>Next ▶</source>
        <translation>下一张 ▶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_viewer.py" line="80"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_viewer.py" line="81"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_viewer.py" line="79"/>
        <source>Fit</source>
        <translation>全图</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_viewer.py" line="108"/>
        <source>No photos</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_viewer.py" line="130"/>
        <source>Taken: %1</source>
        <translation>拍摄时间：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_viewer.py" line="131"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_viewer.py" line="133"/>
        <source>Place: %1</source>
        <translation>拍摄位置：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_viewer.py" line="137"/>
        <source>no GPS in the photo</source>
        <translation>照片无 GPS 信息</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_viewer.py" line="141"/>
        <source>%1 from the outfall</source>
        <translation>距排污口 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_viewer.py" line="143"/>
        <source>%1 from the record&apos;s time</source>
        <translation>与记录时间相差 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_viewer.py" line="148"/>
        <source>⚠ inconsistent with the record</source>
        <translation>⚠ 与记录不一致</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_viewer.py" line="150"/>
        <source>⚠ not arrived on the server yet</source>
        <translation>⚠ 尚未上传到服务器</translation>
    </message>
</context>
<context>
    <name>ProfileBackupTool</name>
    <message>
        <location filename="../../fieldapp/ui/profile_backup_tool.py" line="54"/>
        <source>Back up this profile to (a USB drive)</source>
        <translation>将本机档案备份到（U 盘）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/profile_backup_tool.py" line="64"/>
        <source>This laptop keeps the profile&apos;s key in its key store, which cannot travel. Choose a passphrase for the backup (at least 8 characters); you will need it to restore.</source>
        <translation>本机的档案密钥保存在系统密钥库中，无法随备份带走。请为备份设置口令（至少 8 个字符），恢复时需要输入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/profile_backup_tool.py" line="81"/>
        <source>The profile was backed up to %1 and checked: %2 photos; %3.</source>
        <translation>档案已备份到 %1 并已校验：照片 %2 张；%3。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/profile_backup_tool.py" line="84"/>
        <source>encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/profile_backup_tool.py" line="84"/>
        <source>not encrypted</source>
        <translation>未加密</translation>
    </message>
</context>
<context>
    <name>ServerPhotoStrip</name>
    <message>
        <location filename="../../fieldapp/ui/desk_photos.py" line="208"/>
        <source>Fetching the photos…</source>
        <translation>正在获取照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/desk_photos.py" line="228"/>
        <source>Double-click to see it large</source>
        <translation>双击查看大图</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/desk_photos.py" line="231"/>
        <source>Double-click a photo to see it large.</source>
        <translation>双击照片查看大图。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/desk_photos.py" line="240"/>
        <source>A photo could not be shown: %1</source>
        <translation>有照片无法显示：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/desk_photos.py" line="249"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/desk_photos.py" line="254"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="44"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="51"/>
        <source>Receiver port (/dev/ttyUSB0, COM3), tcp://host:port or an NMEA log</source>
        <translation>接收机端口（/dev/ttyUSB0、COM3）、tcp://主机:端口 或 NMEA 日志文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="59"/>
        <source>Log file…</source>
        <translation>日志文件…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="75"/>
        <source>An MBTiles file or a folder of XYZ tiles</source>
        <translation>MBTiles 文件或 XYZ 瓦片文件夹</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="76"/>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="88"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="81"/>
        <source>Tiles are in GCJ-02 (Amap, Tencent): shift for display</source>
        <translation>瓦片为 GCJ-02 坐标（高德、腾讯）：显示时纠偏</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="87"/>
        <source>Empty: the system&apos;s certificates</source>
        <translation>留空：使用系统证书</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="113"/>
        <source>Position source</source>
        <translation>定位来源</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="115"/>
        <source>Home county</source>
        <translation>所在县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="116"/>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="157"/>
        <source>Basemap</source>
        <translation>底图</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="118"/>
        <source>Sync server&apos;s certificate authority (PEM)</source>
        <translation>同步服务器的证书颁发机构（CA）证书文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="119"/>
        <source>Capture a position when its error is at most</source>
        <translation>定位误差不超过此值时才可采集</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="120"/>
        <source>Fixes averaged per capture</source>
        <translation>每次采集平均的定位次数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="121"/>
        <source>Flag an inspection farther from its outfall than</source>
        <translation>检查位置距排污口超过此距离时标记</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="123"/>
        <source>Flag a photo taken farther from the outfall than</source>
        <translation>照片拍摄位置距排污口超过此距离时标记</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="125"/>
        <source>Flag a photo taken longer before or after than</source>
        <translation>照片拍摄时间与检查时间相差超过此值时标记</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="129"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="130"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="133"/>
        <source>Back up this profile…</source>
        <translation>备份本机档案…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="136"/>
        <source>The database, its key (by passphrase) and the photos, to a USB drive; checked</source>
        <translation>数据库、其密钥（以口令保护）和照片备份到 U 盘，并校验</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="150"/>
        <source>NMEA log</source>
        <translation>NMEA 日志</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_dialog.py" line="164"/>
        <source>Certificate authority</source>
        <translation>证书颁发机构</translation>
    </message>
</context>
</TS>
